import { describe, expect, it } from 'vitest';
import {
  Conflict,
  DomainError,
  Forbidden,
  NotFound,
  RuleViolation,
  StaleVersion,
  Unauthorized,
  ValidationFailed,
} from '../../../domain/kernel/errors.js';

describe('domain errors', () => {
  it('each error carries its stable code and name and is a DomainError', () => {
    const cases: [DomainError, string, string][] = [
      [new RuleViolation('UW-4', 'deathLimitFen', 'too low'), 'RULE_VIOLATION', 'RuleViolation'],
      [new ValidationFailed([{ field: 'uscc', message: 'bad' }]), 'VALIDATION_FAILED', 'ValidationFailed'],
      [new NotFound('policy'), 'NOT_FOUND', 'NotFound'],
      [new Conflict('already issued'), 'CONFLICT', 'Conflict'],
      [new StaleVersion('policy'), 'STALE_VERSION', 'StaleVersion'],
      [new Forbidden(), 'FORBIDDEN', 'Forbidden'],
      [new Unauthorized(), 'UNAUTHORIZED', 'Unauthorized'],
    ];
    for (const [error, code, name] of cases) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toBeInstanceOf(Error);
      expect(error.code).toBe(code);
      expect(error.name).toBe(name);
      expect(error.stack).toBeTypeOf('string');
    }
  });

  it('RuleViolation names its rule and field and defaults to 409', () => {
    const conflict = new RuleViolation('UW-9', 'periodStart', 'overlaps policy P-1');
    expect(conflict).toMatchObject({ ruleId: 'UW-9', field: 'periodStart', status: 409, message: 'overlaps policy P-1' });
    const badRequest = new RuleViolation('UW-2', 'uscc', 'UW-2: check character', 400);
    expect(badRequest.status).toBe(400);
    expect(new RuleViolation('RULES-1', undefined, 'none').field).toBeUndefined();
  });

  it('ValidationFailed keeps every problem and summarises them in its message', () => {
    const error = new ValidationFailed([
      { field: 'uscc', message: 'UW-2: check character', rule: 'UW-2' },
      { field: 'county', message: 'SCOPE-5: unknown' },
    ]);
    expect(error.details).toEqual([
      { field: 'uscc', message: 'UW-2: check character', rule: 'UW-2' },
      { field: 'county', message: 'SCOPE-5: unknown' },
    ]);
    expect(error.message).toBe('validation failed: uscc: UW-2: check character; county: SCOPE-5: unknown');
    expect(new ValidationFailed([]).message).toBe('validation failed');
  });

  it('NotFound, Conflict and StaleVersion say what they are about', () => {
    expect(new NotFound('policy').entity).toBe('policy');
    expect(new NotFound('policy').message).toBe('policy not found');
    expect(new Conflict('co-insurance shares sum to 90%', 'UW-6').ruleId).toBe('UW-6');
    expect(new Conflict('x').ruleId).toBeUndefined();
    expect(new StaleVersion('complaint').entity).toBe('complaint');
    expect(new Forbidden('county EMB of 140921 only').message).toBe('county EMB of 140921 only');
    expect(new Unauthorized().message).toBe('unauthorized');
  });
});

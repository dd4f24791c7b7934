import { describe, expect, it } from 'vitest';
import {
  completeRegisterImport,
  failRegisterImport,
  planRegisterImport,
  startRegisterImport,
} from '../../../domain/register/register-import.js';
import type { RegisterEntry } from '../../../domain/register/register-entry.js';
import { CITY, INPUT, NOW, XINFU, entryOf } from './fixtures.js';

const row = (rowNumber: number, overrides: Partial<typeof INPUT> = {}) => ({ row: rowNumber, input: { ...INPUT, ...overrides } });
const SECOND = '91140902100000008A';
const THIRD = '91140902100000016X';

describe('planRegisterImport', () => {
  it('REG-1 plans creates, updates and rows with nothing to write', () => {
    const current = new Map<string, RegisterEntry>([
      [INPUT.uscc, entryOf(INPUT)],
      [SECOND, entryOf({ ...INPUT, uscc: SECOND, staff: 10, size: 'MICRO' })],
    ]);
    const plan = planRegisterImport([row(2), row(3, { uscc: SECOND }), row(4, { uscc: THIRD })], current, CITY, NOW);
    expect(plan).toMatchObject({ created: 1, updated: 1, unchanged: 1, problems: [] });
    expect(plan.changes.map((change) => [change.kind, change.entry.uscc])).toEqual([
      ['updated', SECOND],
      ['created', THIRD],
    ]);
  });

  it('REG-1 converges: the same rows again plan nothing but unchanged', () => {
    const first = planRegisterImport([row(2), row(3, { uscc: SECOND })], new Map(), CITY, NOW);
    const stored = new Map(first.changes.map((change) => [change.entry.uscc, change.entry]));
    expect(planRegisterImport([row(2), row(3, { uscc: SECOND })], stored, CITY, NOW)).toMatchObject({
      changes: [],
      created: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it('ACL-4 refuses a county EMB’s row over an enterprise registered in another county, by row', () => {
    const current = new Map([[INPUT.uscc, entryOf({ ...INPUT, county: '140981' })]]);
    const plan = planRegisterImport([row(2), row(3, { uscc: SECOND })], current, XINFU, NOW);
    expect(plan.problems).toEqual([
      { row: 2, field: 'county', rule: 'ACL-4', message: '第 2 行「区县」：该企业已登记在原平市，只能由该县（区）应急管理局或市应急管理局修改（ACL-4）' },
    ]);
    expect(planRegisterImport([row(2, { county: '140981' })], current, CITY, NOW).problems).toEqual([]);
  });
});

describe('the import record', () => {
  const started = startRegisterImport({ id: 'imp-1', fileName: '企业底数.xlsx', format: 'XLSX', rows: 5000, actor: XINFU, byUser: 'u-1', now: NOW });

  it('REG-1 is RUNNING from before the first write, with the importer and its county', () => {
    expect(started).toMatchObject({ status: 'RUNNING', by: 'emb-county-140902', county: '140902', created: 0, version: 1 });
  });

  it('REG-1 is DONE with its counts, or FAILED with the reason, as its next version', () => {
    const later = new Date('2026-03-02T01:00:09.000Z');
    const done = completeRegisterImport(started, { created: 4990, updated: 5, unchanged: 5 }, ['140902'], later);
    expect(done.state).toMatchObject({
      status: 'DONE',
      created: 4990,
      finishedAt: '2026-03-02T01:00:09.000Z',
      version: 2,
    });
    expect(done.events).toEqual([
      {
        type: 'register.enterprise.registered',
        version: 1,
        aggregate: { type: 'register-import', id: 'imp-1' },
        sequence: 2,
        data: { importId: 'imp-1', registered: 5000, created: 4990, updated: 5, unchanged: 5, counties: ['140902'], by: 'emb-county-140902' },
      },
    ]);
    const failed = failRegisterImport(started, 'throttled', later);
    expect(failed.state).toMatchObject({ status: 'FAILED', failure: 'throttled', version: 2 });
    expect(failed.events).toEqual([]);
    expect(() => completeRegisterImport(failRegisterImport(started, 'x', later).state, { created: 0, updated: 0, unchanged: 0 }, [], later)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { apiErrorFrom } from './api-error';

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('apiErrorFrom', () => {
  it('reads the rule a 409 names at the top of its error body (CMP-4: a second extension)', async () => {
    const error = await apiErrorFrom(answer(409, { error: { code: 'CONFLICT', message: 'CMP-4: extended once only', rule: 'CMP-4' } }));
    expect(error.status).toBe(409);
    expect(error.rule).toBe('CMP-4');
    expect(error.fieldIssues).toEqual([]);
  });

  it('maps a 400 rule violation to its field issue (CMP-5: a reply part missing)', async () => {
    const error = await apiErrorFrom(
      answer(400, {
        error: {
          code: 'RULE_VIOLATION',
          message: 'CMP-5: the reply must state the measures taken (measures)',
          rule: 'CMP-5',
          details: [{ field: 'measures', message: 'CMP-5: the reply must state the measures taken (measures)', rule: 'CMP-5' }],
        },
      }),
    );
    expect(error.rule).toBe('CMP-5');
    expect(error.fieldIssues.map((issue) => issue.field)).toEqual(['measures']);
  });

  it('has no rule when the server names none', async () => {
    const error = await apiErrorFrom(answer(404, { error: { code: 'NOT_FOUND', message: 'complaint' } }));
    expect(error.rule).toBeUndefined();
  });
});

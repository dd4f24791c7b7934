import { describe, expect, it } from 'vitest';
import { StaleVersion } from '../../../domain/kernel/errors.js';
import { withNextSequence } from '../../../functions/http/numbered.js';

/** An insurer-year's number counter as DynamoDB keeps it: a write succeeds only with the sequence after the one stored (optimistic lock). */
function counter() {
  let last = 0;
  return {
    lastSequence: async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return last;
    },
    write: async (sequence: number) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (sequence !== last + 1) throw new StaleVersion('service number counter');
      last = sequence;
      return sequence;
    },
  };
}

describe('withNextSequence (issue 15 numbering under load, issue 20)', () => {
  it('SVC-5, UW-1: 50 staff of one insurer scheduling at once all get a number, gap-free, none refused for the race', async () => {
    const numbers = counter();
    const settled = await Promise.allSettled(Array.from({ length: 50 }, () => withNextSequence(numbers.lastSequence, numbers.write)));
    expect(settled.filter((result) => result.status === 'rejected')).toEqual([]);
    const taken = settled.map((result) => (result.status === 'fulfilled' ? result.value : 0)).sort((a, b) => a - b);
    expect(taken).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
  }, 30_000);

  it('SVC-5: a refusal that is not a lost race ends at once', async () => {
    let writes = 0;
    const refused = withNextSequence(async () => 0, async () => {
      writes += 1;
      throw new Error('SVC-5: not schedulable');
    });
    await expect(refused).rejects.toThrow('SVC-5');
    expect(writes).toBe(1);
  });
});

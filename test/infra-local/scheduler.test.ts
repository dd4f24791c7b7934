import { describe, expect, it } from 'vitest';
import { nextRunAt } from '../../infra/local/scheduler.js';

describe('the local scheduler', () => {
  it('runs at 08:00 Asia/Shanghai, i.e. 00:00 UTC, today if still ahead, else tomorrow', () => {
    expect(nextRunAt(new Date('2026-11-27T23:59:00Z'), 8).toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(nextRunAt(new Date('2026-11-28T00:00:00Z'), 8).toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(nextRunAt(new Date('2026-11-28T15:30:00Z'), 8).toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  it('crosses a year end on the Shanghai date, not the UTC one', () => {
    // 2026-12-31 17:00 UTC is already 2027-01-01 01:00 in Shanghai: next 08:00 Shanghai is 2027-01-01 00:00 UTC.
    expect(nextRunAt(new Date('2026-12-31T17:00:00Z'), 8).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});

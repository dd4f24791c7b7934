import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const PROBE = fileURLToPath(new URL('./tz-probe.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const TIME_ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'] as const;

async function probe(tz: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', PROBE], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz },
    timeout: 20_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('time-zone independence', () => {
  it('CAL-2 gives the same dates under TZ=UTC, Asia/Shanghai and America/Los_Angeles', async () => {
    const [utc, shanghai, losAngeles] = await Promise.all(TIME_ZONES.map(probe));
    expect(utc?.tz).toBe('UTC');
    expect(losAngeles?.tz).toBe('America/Los_Angeles');
    const { tz: _utc, ...expected } = utc ?? {};
    const { tz: _shanghai, ...fromShanghai } = shanghai ?? {};
    const { tz: _losAngeles, ...fromLosAngeles } = losAngeles ?? {};
    expect(fromShanghai).toEqual(expected);
    expect(fromLosAngeles).toEqual(expected);
    // Guard against a probe that agrees because it computes nothing.
    expect(expected.addWorkingDays).toContainEqual([
      { date: '2024-10-16', provisional: false },
      { date: '2024-10-30', provisional: false },
      { date: '2024-11-13', provisional: false },
    ]);
    expect(expected.shanghaiDates).toEqual([
      '2024-09-30',
      '2024-10-01',
      '2024-03-10',
      '2024-11-03',
      '2027-01-01',
      '2024-09-30',
      '2024-10-01',
      '2024-03-10',
      '2024-11-03',
      '2027-01-01',
    ]);
  });
});

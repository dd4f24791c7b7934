import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { dynamoDbClientConfig, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { DynamoCalendarReminders } from '../../functions/adapters/dynamodb/calendar-reminders.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { remindOfMissingCalendarYear } from '../../functions/schedules/calendar-reminder.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

let test: TestPlatform;
let reminders: DynamoCalendarReminders;

beforeAll(async () => {
  test = await startTestPlatform();
  reminders = new DynamoCalendarReminders(
    new Store(toDocumentClient(new DynamoDBClient(dynamoDbClientConfig())), test.platform.tables.main, systemClock),
  );
});
afterAll(async () => test?.stop());

describe('the daily calendar reminder', () => {
  const builtin = WorkingDayCalendar.builtin();

  it('CAL-2 stays quiet in November while next year is still ahead', async () => {
    expect(await remindOfMissingCalendarYear(reminders, builtin, new Date('2026-11-30T00:00:00Z'))).toBe(false);
  });

  it('CAL-2 reminds the operator from December 1 (Shanghai) once a day, through the outbox', async () => {
    // 2026-11-30T16:00Z is already December 1 in Shanghai.
    expect(await remindOfMissingCalendarYear(reminders, builtin, new Date('2026-11-30T16:00:00Z'))).toBe(true);
    expect(await remindOfMissingCalendarYear(reminders, builtin, new Date('2026-12-01T09:00:00Z'))).toBe(false);
    await expect
      .poll(() => test.platform.bus.recent().filter((e) => e.type === 'platform.calendar.year_missing').map((e) => e.data), { timeout: 10_000 })
      .toEqual([{ year: 2027, today: '2026-12-01' }]);
  });

  it('CAL-2 keeps reminding in January while the current year is missing, and stops once it is loaded', async () => {
    expect(await remindOfMissingCalendarYear(reminders, builtin, new Date('2027-01-04T00:00:00Z'))).toBe(true);
    const loaded = builtin.withYear({ year: 2027, holidays: ['2027-01-01'], adjustedWorkdays: [], source: 'loaded' });
    expect(await remindOfMissingCalendarYear(reminders, loaded, new Date('2027-01-05T00:00:00Z'))).toBe(false);
  });
});

import { sharedCalendarSource } from '../adapters/calendar-provider.js';
import { systemClock } from '../adapters/clock.js';
import { mainTableName } from '../adapters/dynamodb/client.js';
import { schedulesDynamoDb } from '../adapters/iam-twin/dynamodb-twin.js';
import { DynamoOnceOnlyReminders } from '../adapters/dynamodb/once-only-reminders.js';
import { DynamoPaperFilingRepository } from '../adapters/dynamodb/paper-filing.repository.js';
import { DynamoPlatformRepository } from '../adapters/dynamodb/platform.repository.js';
import { DynamoQualificationRepository } from '../adapters/dynamodb/qualification.repository.js';
import { sharedRuleSets } from '../adapters/dynamodb/rule-set.repository.js';
import { Store } from '../adapters/dynamodb/store.js';
import type { CalendarRemindersRoot } from './calendar-reminders.js';

let root: CalendarRemindersRoot | undefined;

/**
 * The calendar reminders' composition root (QUAL-6, RPT-1, RPT-3, CAL-2), built on first use, once per
 * container. Like the daily run it works over every tenant with the schedules function's own role.
 */
export function calendarRemindersRoot(): CalendarRemindersRoot {
  if (!root) {
    // Issue 21: the schedules role's own grants (schedules-policy-documents.ts), checked by the local twin.
    const store = new Store(schedulesDynamoDb(), mainTableName(), systemClock);
    root = {
      platform: new DynamoPlatformRepository(store),
      filings: new DynamoQualificationRepository(store),
      paperFilings: new DynamoPaperFilingRepository(store),
      calendar: sharedCalendarSource,
      ruleSets: sharedRuleSets(),
      reminders: new DynamoOnceOnlyReminders(store),
    };
  }
  return root;
}

import type { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { RuleSetSource } from '../../../domain/kernel/rule-set/rule-set-source.port.js';
import type { WorkbenchReads } from '../../../domain/supervision/workbench.port.js';
import { currentCalendar } from '../../adapters/calendar-provider.js';
import { systemClock } from '../../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { sharedRuleSets } from '../../adapters/dynamodb/rule-set.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { DynamoWorkbenchReads } from '../../adapters/dynamodb/workbench-reads.js';

/**
 * Issue 14: what the insurer's workbench works with — ports of domain/ only. The insurer's items through its
 * tenant role (ARCHITECTURE.md §3 layer 2); its own supervision-counter cells through this function's role,
 * which reads `R#supervision#*` (infra/stacks/context-permissions.ts), the adapter narrowing the key to the caller.
 */
export interface WorkbenchRoot {
  forTenant(tenantId: string): Promise<WorkbenchReads>;
  /** CAL-1: the working days the "due soon" horizon is counted in. */
  calendar(): Promise<WorkingDayCalendar>;
  /** RULES-1: the reminder lead and the fee floor and ceiling. */
  readonly ruleSets: RuleSetSource;
  readonly clock: Clock;
}

let root: WorkbenchRoot | undefined;

export function workbenchRoot(): WorkbenchRoot {
  if (!root) {
    const table = mainTableName();
    const own = new Store(sharedDynamoDb().doc, table, systemClock);
    const scoped = sharedTenantScopedClients();
    root = {
      forTenant: async (tenantId) => new DynamoWorkbenchReads(new Store(await scoped.forTenant({ tenantId }), table, systemClock), own),
      calendar: () => currentCalendar(),
      ruleSets: sharedRuleSets(),
      clock: systemClock,
    };
  }
  return root;
}

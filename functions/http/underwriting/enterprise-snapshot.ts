import type { EnterpriseSnapshot } from '../../../domain/underwriting/policy.js';
import { underwritingRoot } from './composition-root.js';

/** REG-1: the register's entry as a policy snapshots it (the register's `staff` is UW-3's whole workforce). */
export async function enterpriseSnapshot(uscc: string): Promise<EnterpriseSnapshot | undefined> {
  const entry = await underwritingRoot().register.get(uscc);
  return entry && { uscc: entry.uscc, name: entry.name, industry: entry.industry, size: entry.size, county: entry.county, employees: entry.staff };
}

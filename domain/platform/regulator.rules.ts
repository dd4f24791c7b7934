import { instantOf } from '../kernel/calendar/instant.js';
import type { Changed } from '../kernel/events.js';
import { regulatorOnboarded } from './events.js';
import { regulatorIdOf, type Regulator } from './regulator.js';
import type { User } from './user.js';

/** A regulator agency as it is onboarded together with its first user. */
export interface RegulatorOnboarding {
  readonly regulator: Regulator;
  readonly admin: User;
}

/**
 * Onboards a regulator agency, its id derived from agency and county (ACL-4, regulatorIdOf), with its first
 * user (made with createUser, user.rules.ts): `platform.regulator.onboarded`, then `platform.user.created`.
 */
export function onboardRegulator(
  profile: Pick<Regulator, 'agency' | 'county' | 'name'>,
  admin: Changed<User>,
  now: Date,
): Changed<RegulatorOnboarding> {
  const regulator: Regulator = {
    id: regulatorIdOf(profile.agency, profile.county),
    agency: profile.agency,
    county: profile.county,
    name: profile.name,
    createdAt: instantOf(now),
    version: 1,
  };
  const event = regulatorOnboarded.of(
    { id: regulator.id, version: 1 },
    { regulatorId: regulator.id, agency: regulator.agency, county: regulator.county, name: regulator.name },
  );
  return { state: { regulator, admin: admin.state }, events: [event, ...admin.events] };
}

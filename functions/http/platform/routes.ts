import type { RouteSpec } from '../../middleware/route.js';
import { createUser } from './create-user.js';
import { getTenant } from './get-tenant.js';
import { listTenantUsers } from './list-tenant-users.js';
import { resumeTenant } from './resume-tenant.js';
import { suspendTenant } from './suspend-tenant.js';
import { getUser } from './get-user.js';
import { readiness } from './check-readiness.js';
import { health } from './health.js';
import { listCalendarYears } from './list-calendar-years.js';
import { listRegulators } from './list-regulators.js';
import { listTenants } from './list-tenants.js';
import { listUsers } from './list-users.js';
import { listColleagueNames } from './list-colleague-names.js';
import { notificationRoutes } from './notification-routes.js';
import { loadCalendarYear } from './load-calendar-year.js';
import { onboardRegulator } from './onboard-regulator.js';
import { onboardTenant } from './onboard-tenant.js';
import { runDaily } from './run-daily.js';
import { previewCalendarYear } from './preview-calendar-year.js';
import { signIn } from './sign-in.js';
import { mfaSetup } from './mfa-setup.js';
import { mfaVerify } from './mfa-verify.js';
import { updateUser } from './update-user.js';

/** The platform context's route table: onboarding, users, sign-in, the calendar and health. */
export const platformRoutes: readonly RouteSpec[] = [
  health,
  readiness,
  signIn,
  mfaSetup,
  mfaVerify,
  onboardTenant,
  listTenants,
  getTenant,
  suspendTenant,
  resumeTenant,
  listTenantUsers,
  onboardRegulator,
  listRegulators,
  createUser,
  listUsers,
  listColleagueNames,
  getUser,
  updateUser,
  loadCalendarYear,
  previewCalendarYear,
  listCalendarYears,
  runDaily,
  ...notificationRoutes,
];

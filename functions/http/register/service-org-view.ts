import type { LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { isServiceOrgUsableOn, type ServiceOrg } from '../../../domain/register/service-org.js';

/** REG-2 / SVC-6: an organisation as the API shows it, with whether it may provide a service today (Asia/Shanghai). */
export const serviceOrgView = (org: ServiceOrg, today: LocalDate) => ({ ...org, usableToday: isServiceOrgUsableOn(org, today) });

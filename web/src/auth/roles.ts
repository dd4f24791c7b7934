import type { Agency, Role } from '../api';
import { AGENCIES, ROLES } from '../reference/domain';

/** Whether a claim (a Cognito custom claim, a stored session) names one of the platform's roles. */
export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Whether a claim names one of the regulator agencies. */
export const isAgency = (value: unknown): value is Agency =>
  typeof value === 'string' && (AGENCIES as readonly string[]).includes(value);

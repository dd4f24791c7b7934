import type { Policy } from '../../api';

/** The insurer's page of one policy. */
export const policyPagePath = (policy: Pick<Policy, 'id'>): string => `/insurer/underwriting/${encodeURIComponent(policy.id)}`;

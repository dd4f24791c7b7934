/** Where the regulators' supervision pages live (issue 14): one insurer's policies, services and fee year. */
const insurer = (tenantId: string): string => `/regulator/insurers/${encodeURIComponent(tenantId)}`;

export const supervisionPaths = {
  insurers: '/regulator/insurers',
  policies: (tenantId: string): string => `${insurer(tenantId)}/policies`,
  policy: (tenantId: string, policyId: string): string => `${insurer(tenantId)}/policies/${encodeURIComponent(policyId)}`,
  services: (tenantId: string, overdue = false): string => `${insurer(tenantId)}/services${overdue ? '?overdue=true' : ''}`,
  service: (tenantId: string, serviceId: string): string => `${insurer(tenantId)}/services/${encodeURIComponent(serviceId)}`,
  fees: (tenantId: string): string => `${insurer(tenantId)}/fees`,
  hazards: (tenantId: string): string => `${insurer(tenantId)}/hazards`,
  complaints: (tenantId: string): string => `${insurer(tenantId)}/complaints`,
  ledger: (tenantId: string): string => `${insurer(tenantId)}/ledger`,
  qualification: (tenantId: string): string => `${insurer(tenantId)}/qualification`,
  /** SUP-1..SUP-5: the regulators' 督办 notices. */
  notices: '/regulator/notices',
} as const;

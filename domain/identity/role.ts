/**
 * Roles of ARCHITECTURE.md §4. `regulator-admin` is a regulator who may also manage its own agency's users
 * (API.md: "regulator admin in its agency"); everywhere else it reads like `regulator`.
 */
export const ROLES = [
  'platform-operator',
  'insurer-admin',
  'insurer-staff',
  'regulator',
  'regulator-admin',
  'enterprise',
] as const;
export type Role = (typeof ROLES)[number];

/** Regulator agencies: the city EMB 市级应急管理局, a county EMB 县级应急管理局, the NFRA branch 金融监管分局. */
export const AGENCIES = ['EMB_CITY', 'EMB_COUNTY', 'NFRA'] as const;
export type Agency = (typeof AGENCIES)[number];

export const INSURER_ROLES: readonly Role[] = ['insurer-admin', 'insurer-staff'];
export const REGULATOR_ROLES: readonly Role[] = ['regulator', 'regulator-admin'];

export const isInsurerRole = (role: Role): boolean => INSURER_ROLES.includes(role);
export const isRegulatorRole = (role: Role): boolean => REGULATOR_ROLES.includes(role);

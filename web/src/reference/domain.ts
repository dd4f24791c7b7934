/**
 * The console's one door into `domain/`: the pure vocabulary (codes and their order, the domain's Chinese
 * names) and the small pure functions a form needs to answer at once (the USCC check character, the size
 * class), imported — not copied — so the console cannot drift from the rules the API applies.
 *
 * Only pure modules may be reached from here: `domain-imports.test.ts` walks this module's import graph and
 * fails on anything outside `domain/` (functions/, infra/, node: built-ins, the AWS SDK) except `zod/mini`.
 * Types of what the API answers come from the generated OpenAPI types (`api/`), not from here.
 */
export { AGENCIES, ROLES } from '../../../domain/identity/role';
export { PASSWORD_MAX_LENGTH, PASSWORD_RULE } from '../../../domain/platform/credentials';
export { isValidUscc } from '../../../domain/kernel/uscc';
export { INDUSTRIES as INDUSTRY_CODES, INDUSTRY_NAMES_ZH, industryScope, type IndustryScope } from '../../../domain/kernel/industry';
export { XINZHOU_AREAS, XINZHOU_DEVELOPMENT_ZONE_CODE } from '../../../domain/kernel/area';
export { ENTERPRISE_SIZES, classifyEnterpriseSize } from '../../../domain/kernel/enterprise-size';
export {
  ANNEX_1_ITEMS,
  ELIGIBILITY_RULES,
  RISK_RATINGS,
  STANDARDISATION_GRADES,
} from '../../../domain/underwriting/qualification';
export { OTHER_SAFETY_INSURANCE_KINDS, POLICY_MODES, POLICY_STATUSES } from '../../../domain/underwriting/policy';
export {
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  ESCALATION_TARGETS,
  INSURER_INTAKE_CHANNELS,
} from '../../../domain/complaints/complaint';
export {
  CONFIRMING_PARTIES,
  EVIDENCE_KINDS,
  FOLLOW_UP_CHANNELS,
  PROVIDER_KINDS,
  SERVICE_STATUSES,
  SERVICE_TYPES,
} from '../../../domain/services/service';
export { HAZARD_GRADES, HAZARD_STATUSES } from '../../../domain/services/hazard';
export { EVIDENCE_CONTENT_TYPES, EVIDENCE_EXTENSIONS, EVIDENCE_TYPES, extensionOf, isEvidenceContentType } from '../../../domain/services/evidence-types';
export { RISK_GRADES } from '../../../domain/services/service-plan';
export { SERVICE_ORG_STATUSES } from '../../../domain/register/service-org';
export { EXPERT_STATUSES } from '../../../domain/register/expert';
export {
  REGISTER_FILE_COLUMNS,
  REGISTER_FILE_HEADERS,
  REGISTER_TEMPLATE_EXAMPLE,
  registerFileRow,
  registerHeaderOf,
  type RegisterColumn,
} from '../../../domain/register/register-columns';
export { EXPENSE_CATEGORIES, REFUSED_EXPENSE_CATEGORIES } from '../../../domain/fees/ledger-entry';

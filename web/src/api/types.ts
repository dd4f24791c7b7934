/**
 * Shapes of the API's answers and requests the console uses (API.md). Field names are the API's.
 * Kept by hand for now; when the lead publishes zod schemas consumable by the browser these become
 * `z.infer` re-exports.
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

export const AGENCIES = ['EMB_CITY', 'EMB_COUNTY', 'NFRA'] as const;
export type Agency = (typeof AGENCIES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
export const isAgency = (value: unknown): value is Agency =>
  typeof value === 'string' && (AGENCIES as readonly string[]).includes(value);

/** The signed-in user, as `POST /auth/login` answers it (or as read from a Cognito ID token). */
export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly displayName: string;
  readonly tenantId?: string;
  readonly agency?: Agency;
  readonly county?: string;
  readonly uscc?: string;
}

export interface LoginResponse {
  readonly accessToken: string;
  /** Seconds. */
  readonly expiresIn: number;
  readonly user: SessionUser;
}

/** Every list answer: one page and, when there are more, the opaque cursor of the next one. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

export interface PageRequest {
  readonly cursor?: string;
  readonly limit: number;
}

export type TenantStatus = 'ACTIVE' | 'SUSPENDED' | (string & {});

export interface Tenant {
  readonly id: string;
  readonly name: string;
  readonly uscc: string;
  readonly branchName: string;
  readonly status: TenantStatus;
  readonly createdAt: string;
}

export interface AdminAccount {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
}

export interface CreateTenantRequest {
  readonly name: string;
  readonly uscc: string;
  readonly branchName: string;
  readonly admin: AdminAccount;
}

export interface Regulator {
  readonly id: string;
  readonly agency: Agency;
  readonly county?: string;
  readonly name: string;
  readonly createdAt?: string;
}

export interface CreateRegulatorRequest {
  readonly agency: Agency;
  readonly county?: string;
  readonly name: string;
  readonly admin: AdminAccount;
}

export interface User {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly displayName: string;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface CreateUserRequest {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly displayName: string;
}

export interface UpdateUserRequest {
  readonly role?: Role;
  readonly disabled?: boolean;
  readonly displayName?: string;
}

// Complaints (DOMAIN.md §6, CMP-1…8) ------------------------------------------------------------------

export const COMPLAINT_STATUSES = ['OPEN', 'REPLIED', 'ACCEPTED', 'ESCALATED'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** CMP-1: how the complaint came in; CONSOLE is an enterprise filing on the platform itself. */
export const COMPLAINT_CHANNELS = ['PHONE', 'LETTER', 'VISIT', 'ONLINE', 'CONSOLE'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
/** The channels an insurer records for a complainant (all but CONSOLE). */
export const INSURER_INTAKE_CHANNELS = ['PHONE', 'LETTER', 'VISIT', 'ONLINE'] as const satisfies readonly ComplaintChannel[];
export type InsurerIntakeChannel = (typeof INSURER_INTAKE_CHANNELS)[number];

/** CMP-6: where an unsatisfied complainant takes the complaint. */
export const ESCALATION_TARGETS = ['EMB', 'NFRA'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

export type ComplaintTimelineKind = 'RECEIVED' | 'VERIFICATION_REQUIRED' | 'EXTENDED' | 'REPLIED' | 'ACCEPTED' | 'ESCALATED';
export type ComplaintClock = 'WORKING_DAY' | 'NFRA';

/** A `YYYY-MM-DD` date in Asia/Shanghai. */
export type LocalDate = string;

export interface ComplaintDeadlines {
  /** CMP-2 (10 working days), CMP-3 (verification), CMP-4 (extended); absent when the rule set switches it off. */
  readonly workingDay?: { readonly dueOn: LocalDate; readonly provisional: boolean; readonly basis: 'CMP-2' | 'CMP-3' | 'CMP-4' };
  /** CMP-8: the NFRA's calendar-day clock. */
  readonly nfra?: { readonly dueOn: LocalDate; readonly provisional: boolean; readonly basis: 'CMP-8' };
  /** The earlier of the two: the one the insurer is held to. */
  readonly binding: { readonly dueOn: LocalDate; readonly clock: ComplaintClock; readonly provisional: boolean };
}

export interface ComplaintReply {
  readonly request: string;
  readonly facts: string;
  readonly basis: string;
  readonly measures: string;
  readonly repliedAt: string;
  readonly repliedBy: string;
}

export interface Complaint {
  readonly id: string;
  readonly tenantId: string;
  readonly enterpriseUscc: string;
  readonly policyId?: string;
  readonly serviceId?: string;
  readonly county?: string;
  readonly channel: ComplaintChannel;
  readonly receivedAt: string;
  readonly receivedOn: LocalDate;
  readonly request: string;
  readonly status: ComplaintStatus;
  readonly needsVerification: boolean;
  readonly verificationRequiredAt?: string;
  readonly extension?: { readonly approvedBy: string; readonly reason: string; readonly days: number; readonly toldComplainantOn: LocalDate };
  readonly reply?: ComplaintReply;
  readonly escalation?: { readonly to: EscalationTarget; readonly at: string; readonly reason: string };
  readonly acceptedAt?: string;
  readonly deadlines: ComplaintDeadlines;
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly timeline: readonly { readonly at: string; readonly kind: ComplaintTimelineKind; readonly by: string; readonly note?: string }[];
  readonly createdAt: string;
  readonly version: number;
}

export interface ReceiveComplaintRequest {
  readonly enterpriseUscc: string;
  /** ISO 8601 with its offset (`2026-11-28T09:30:00+08:00`). */
  readonly receivedAt: string;
  readonly channel: InsurerIntakeChannel;
  readonly request: string;
  readonly policyId?: string;
  readonly serviceId?: string;
}

export interface ExtendComplaintRequest {
  readonly approvedBy: string;
  readonly reason: string;
  readonly days: number;
}

export interface ReplyToComplaintRequest {
  readonly request: string;
  readonly facts: string;
  readonly basis: string;
  readonly measures: string;
}

export interface EscalateComplaintRequest {
  readonly to: EscalationTarget;
  readonly reason: string;
}

export interface FileComplaintRequest {
  readonly insurerId: string;
  readonly request: string;
  readonly policyId?: string;
  readonly serviceId?: string;
}

/** An insurer an enterprise can complain about (`GET /me/insurers`). */
export interface InsurerSummary {
  readonly id: string;
  readonly name: string;
  readonly branchName: string;
}

import { idempotent, ok, type ApiClient } from './api-client';
import type { BodyOf, ItemOf, Page, PageRequest, QueryOf, ResponseOf } from './contract';

export type LoginResponse = ResponseOf<'/api/v1/auth/login', 'post'>;
/** The signed-in user, as `POST /auth/login` answers it (or as read from a Cognito ID token). */
export type SessionUser = Extract<LoginResponse, { user: unknown }>['user'];
export type Role = SessionUser['role'];
export type Agency = NonNullable<SessionUser['agency']>;

export type Tenant = ResponseOf<'/api/v1/platform/tenants/{tenantId}', 'get'>;
export type TenantStatus = Tenant['status'];
/** ACL-3 (issue 15): what the operator sees of a tenant's user. */
export type TenantUser = ItemOf<'/api/v1/platform/tenants/{tenantId}/users'>;
export type CreateTenantRequest = BodyOf<'/api/v1/platform/tenants', 'post'>;
export type AdminAccount = CreateTenantRequest['admin'];
export type Regulator = ItemOf<'/api/v1/platform/regulators'>;
export type CreateRegulatorRequest = BodyOf<'/api/v1/platform/regulators', 'post'>;

/** CAL-1/CAL-2: the years the working-day calendar knows, and the provisional ones. */
export type CalendarYears = ResponseOf<'/api/v1/platform/calendar', 'get'>;
export type CalendarYearRow = CalendarYears['items'][number];
/** CAL-2: a year's schedule as lists or pasted lines. */
export type CalendarYearBody = BodyOf<'/api/v1/platform/calendar/{year}', 'put'>;
export type CalendarPreview = ResponseOf<'/api/v1/platform/calendar/{year}/preview', 'post'>;

export type User = ResponseOf<'/api/v1/users/{userId}', 'get'>;
export type CreateUserRequest = BodyOf<'/api/v1/users', 'post'>;
export type UpdateUserRequest = BodyOf<'/api/v1/users/{userId}', 'patch'>;

/** Platform-operator routes: onboarding insurers (tenants) and regulators. */
export class PlatformApi {
  constructor(private readonly client: ApiClient) {}

  listTenants(query: QueryOf<'/api/v1/platform/tenants'>, signal?: AbortSignal): Promise<Page<Tenant>> {
    return ok(this.client.GET('/api/v1/platform/tenants', { params: { query }, signal }));
  }

  getTenant(tenantId: string, signal?: AbortSignal): Promise<Tenant> {
    return ok(this.client.GET('/api/v1/platform/tenants/{tenantId}', { params: { path: { tenantId } }, signal }));
  }

  /** ACL-3 (issue 15): suspend or resume an insurer, with a reason. */
  setTenantStatus(tenantId: string, action: 'suspend' | 'resume', reason: string, idempotencyKey: string): Promise<Tenant> {
    const options = { params: { path: { tenantId } }, body: { reason }, headers: idempotent(idempotencyKey) };
    return ok(
      action === 'suspend'
        ? this.client.POST('/api/v1/platform/tenants/{tenantId}/suspend', options)
        : this.client.POST('/api/v1/platform/tenants/{tenantId}/resume', options),
    );
  }

  tenantUsers(tenantId: string, query: PageRequest, signal?: AbortSignal): Promise<Page<TenantUser>> {
    return ok(this.client.GET('/api/v1/platform/tenants/{tenantId}/users', { params: { path: { tenantId }, query }, signal }));
  }

  createTenant(body: CreateTenantRequest, idempotencyKey: string): Promise<Tenant> {
    return ok(this.client.POST('/api/v1/platform/tenants', { body, headers: idempotent(idempotencyKey) }));
  }

  listRegulators(query: PageRequest, signal?: AbortSignal): Promise<Page<Regulator>> {
    return ok(this.client.GET('/api/v1/platform/regulators', { params: { query }, signal }));
  }

  createRegulator(body: CreateRegulatorRequest, idempotencyKey: string): Promise<Regulator> {
    return ok(this.client.POST('/api/v1/platform/regulators', { body, headers: idempotent(idempotencyKey) }));
  }

  calendarYears(signal?: AbortSignal): Promise<CalendarYears> {
    return ok(this.client.GET('/api/v1/platform/calendar', { signal }));
  }

  /** CAL-2: which provisional deadlines `body` would move; nothing is written. */
  previewCalendarYear(year: number, body: CalendarYearBody): Promise<CalendarPreview> {
    return ok(this.client.POST('/api/v1/platform/calendar/{year}/preview', { params: { path: { year } }, body }));
  }

  loadCalendarYear(year: number, body: CalendarYearBody): Promise<unknown> {
    return ok(this.client.PUT('/api/v1/platform/calendar/{year}', { params: { path: { year } }, body }));
  }
}

/** Users of the caller's own tenant or agency (insurer-admin, regulator-admin). */
export class UsersApi {
  constructor(private readonly client: ApiClient) {}

  list(query: PageRequest, signal?: AbortSignal): Promise<Page<User>> {
    return ok(this.client.GET('/api/v1/users', { params: { query }, signal }));
  }

  /** Issue 15: the own organisation's users' names, for "recorded by" beside a user id. */
  names(signal?: AbortSignal): Promise<ResponseOf<'/api/v1/user-names', 'get'>> {
    return ok(this.client.GET('/api/v1/user-names', { signal }));
  }

  create(body: CreateUserRequest, idempotencyKey: string): Promise<User> {
    return ok(this.client.POST('/api/v1/users', { body, headers: idempotent(idempotencyKey) }));
  }

  update(userId: string, body: UpdateUserRequest, idempotencyKey?: string): Promise<User> {
    return ok(this.client.PATCH('/api/v1/users/{userId}', { params: { path: { userId } }, body, headers: idempotent(idempotencyKey) }));
  }
}

import { idempotent, ok, type ApiClient } from './api-client';
import type { BodyOf, ErrorDetail, ItemOf, Page, QueryOf, ResponseOf } from './contract';
import type { RegisterEntry } from './underwriting-api';

export type RegisterEntryRequest = BodyOf<'/api/v1/regulator/enterprises', 'post'>;
export type RegisterImportRequest = BodyOf<'/api/v1/regulator/enterprise-imports', 'post'>;
export type RegisterImportResult = ResponseOf<'/api/v1/regulator/enterprise-imports', 'post'>;
/** A refused import row (`IMPORT_REJECTED` details): the row, its field, the message and the rule. */
export type ImportRowProblem = ErrorDetail & { readonly row: number };
/** UW-11: the uninsured enterprises on a date, by county and industry (mandatory findings, advisory). */
export type CoverageGap = ResponseOf<'/api/v1/regulator/uninsured', 'get'>;
export type CoverageGapGroup = CoverageGap['mandatory'][number];
/** UW-11: today's registered, insured and uninsured counts per county × industry. */
export type CoverageCounts = ResponseOf<'/api/v1/regulator/coverage', 'get'>;
export type BlacklistEntry = ItemOf<'/api/v1/regulator/blacklist'>;
export type BlacklistRequest = BodyOf<'/api/v1/regulator/blacklist', 'post'>;
export type LiftBlacklistRequest = BodyOf<'/api/v1/regulator/blacklist/{entryId}/lift', 'post'>;
/** RULES-1: one rule-set version with its figures, and whether a decision taken today uses it. */
export type RuleSetVersion = ItemOf<'/api/v1/rule-sets'>;
export type PublishRuleSetRequest = BodyOf<'/api/v1/regulator/rule-sets', 'post'>;

/**
 * The regulators' registers: the enterprise register (REG-1), the coverage gap (UW-11) and the blacklist
 * (BLK-1). A county EMB reads and writes its own county only (ACL-4); the server enforces it.
 */
export class RegisterApi {
  constructor(private readonly client: ApiClient) {}

  listEnterprises(query: QueryOf<'/api/v1/regulator/enterprises'>, signal?: AbortSignal): Promise<Page<RegisterEntry>> {
    return ok(this.client.GET('/api/v1/regulator/enterprises', { params: { query }, signal }));
  }

  /** Issue 15: enterprises' register names by USCC (insurers and regulators; unknown ones left out, no 404). */
  enterpriseNames(usccs: readonly string[], signal?: AbortSignal): Promise<ResponseOf<'/api/v1/register/enterprise-names', 'get'>> {
    return ok(this.client.GET('/api/v1/register/enterprise-names', { params: { query: { uscc: usccs.join(',') } }, signal }));
  }

  getEnterprise(uscc: string, signal?: AbortSignal): Promise<RegisterEntry> {
    return ok(this.client.GET('/api/v1/regulator/enterprises/{uscc}', { params: { path: { uscc } }, signal }));
  }

  /** Adds (201) or updates (200) one entry. */
  saveEnterprise(body: RegisterEntryRequest, idempotencyKey: string): Promise<RegisterEntry> {
    return ok(this.client.POST('/api/v1/regulator/enterprises', { body, headers: idempotent(idempotencyKey) }));
  }

  /** Every row valid, or nothing written: a refusal is `IMPORT_REJECTED` with `{row, field, message, rule}` details. */
  importEnterprises(body: RegisterImportRequest, idempotencyKey: string): Promise<RegisterImportResult> {
    return ok(this.client.POST('/api/v1/regulator/enterprise-imports', { body, headers: idempotent(idempotencyKey) }));
  }

  /** UW-11: registered enterprises without an in-force policy on a date, by county and industry. */
  uninsured(query: QueryOf<'/api/v1/regulator/uninsured'>, signal?: AbortSignal): Promise<CoverageGap> {
    return ok(this.client.GET('/api/v1/regulator/uninsured', { params: { query }, signal }));
  }

  /** UW-11: today's registered, insured and uninsured counts per county × industry. */
  coverage(query: QueryOf<'/api/v1/regulator/coverage'>, signal?: AbortSignal): Promise<CoverageCounts> {
    return ok(this.client.GET('/api/v1/regulator/coverage', { params: { query }, signal }));
  }

  /** RULES-1: every version, built in and published by the city EMB. */
  listRuleSets(signal?: AbortSignal): Promise<{ items: RuleSetVersion[] }> {
    return ok(this.client.GET('/api/v1/rule-sets', { signal }));
  }

  /** RULES-1: the city EMB publishes the next version (a copy of the latest, figures edited). */
  publishRuleSet(body: PublishRuleSetRequest, idempotencyKey: string): Promise<RuleSetVersion> {
    return ok(this.client.POST('/api/v1/regulator/rule-sets', { body, headers: idempotent(idempotencyKey) }));
  }

  listBlacklist(query: QueryOf<'/api/v1/regulator/blacklist'>, signal?: AbortSignal): Promise<Page<BlacklistEntry>> {
    return ok(this.client.GET('/api/v1/regulator/blacklist', { params: { query }, signal }));
  }

  blacklist(body: BlacklistRequest, idempotencyKey: string): Promise<BlacklistEntry> {
    return ok(this.client.POST('/api/v1/regulator/blacklist', { body, headers: idempotent(idempotencyKey) }));
  }

  lift(entryId: string, body: LiftBlacklistRequest, idempotencyKey: string): Promise<BlacklistEntry> {
    return ok(this.client.POST('/api/v1/regulator/blacklist/{entryId}/lift', { params: { path: { entryId } }, body, headers: idempotent(idempotencyKey) }));
  }
}

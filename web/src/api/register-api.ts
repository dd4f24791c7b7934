import type { ApiClient } from './api-client';
import type { LocalDate, Page, PageRequest } from './types';
import type {
  BlacklistEntry,
  BlacklistRequest,
  CoverageCounts,
  CoverageGap,
  Industry,
  LiftBlacklistRequest,
  RegisterEntry,
  RegisterEntryRequest,
  RegisterImportRequest,
  RegisterImportResult,
} from './underwriting-types';

/**
 * The regulators' registers: the enterprise register (REG-1), the coverage gap (UW-11) and the blacklist
 * (BLK-1). A county EMB reads and writes its own county only (ACL-4); the server enforces it.
 */
export class RegisterApi {
  constructor(private readonly client: ApiClient) {}

  listEnterprises(request: PageRequest & { county?: string; industry?: Industry }, signal?: AbortSignal): Promise<Page<RegisterEntry>> {
    return this.client.get('/regulator/enterprises', { query: { ...request }, signal });
  }

  getEnterprise(uscc: string, signal?: AbortSignal): Promise<RegisterEntry> {
    return this.client.get(`/regulator/enterprises/${encodeURIComponent(uscc)}`, { signal });
  }

  /** Adds (201) or updates (200) one entry. */
  saveEnterprise(body: RegisterEntryRequest, idempotencyKey: string): Promise<RegisterEntry> {
    return this.client.post('/regulator/enterprises', { body, idempotencyKey });
  }

  /** Every row valid, or nothing written: a refusal is `IMPORT_REJECTED` with `{row, field, message, rule}` details. */
  importEnterprises(body: RegisterImportRequest, idempotencyKey: string): Promise<RegisterImportResult> {
    return this.client.post('/regulator/enterprise-imports', { body, idempotencyKey });
  }

  /** UW-11: registered enterprises without an in-force policy on a date, by county and industry. */
  uninsured(request: { date?: LocalDate; county?: string; industry?: Industry }, signal?: AbortSignal): Promise<CoverageGap> {
    return this.client.get('/regulator/uninsured', { query: { ...request }, signal });
  }

  /** UW-11: today's registered, insured and uninsured counts per county × industry. */
  coverage(request: { county?: string }, signal?: AbortSignal): Promise<CoverageCounts> {
    return this.client.get('/regulator/coverage', { query: { ...request }, signal });
  }

  listBlacklist(request: PageRequest & { insurerTenantId?: string }, signal?: AbortSignal): Promise<Page<BlacklistEntry>> {
    return this.client.get('/regulator/blacklist', { query: { ...request }, signal });
  }

  blacklist(body: BlacklistRequest, idempotencyKey: string): Promise<BlacklistEntry> {
    return this.client.post('/regulator/blacklist', { body, idempotencyKey });
  }

  lift(entryId: string, body: LiftBlacklistRequest, idempotencyKey: string): Promise<BlacklistEntry> {
    return this.client.post(`/regulator/blacklist/${encodeURIComponent(entryId)}/lift`, { body, idempotencyKey });
  }
}

import { idempotent, newIdempotencyKey, ok, type Api, type QueryOf, type ResponseOf } from '../../api';

/** SYNC-1: the provincial sync's records, as the insurer and the regulators read them. */
export type SyncRecordsAnswer = ResponseOf<'/api/v1/sync/records', 'get'>;
export type SyncRecord = SyncRecordsAnswer['items'][number];
export type SyncState = SyncRecord['state'];
export type SyncKind = SyncRecord['kind'];
export type Reconciliation = ResponseOf<'/api/v1/sync/reconciliation', 'get'>;
export type SyncCounts = SyncRecordsAnswer['counts'];

export const SYNC_STATES: readonly SyncState[] = ['PENDING', 'SENT', 'ACCEPTED', 'REJECTED', 'RETRYING'];
export const SYNC_KINDS: readonly SyncKind[] = ['POLICY', 'SERVICE_ORG', 'SERVICE', 'CLAIM'];
/** What the insurer may send again now (the server answers 409 for the rest). */
export const RETRYABLE: readonly SyncState[] = ['REJECTED', 'RETRYING', 'SENT'];

/** Every sync query starts so: a retry refreshes the counts, the list and the regulators' view alike. */
export const SYNC_QUERY = ['sync'] as const;

export const syncApi = (api: Api) => ({
  mine: (query: QueryOf<'/api/v1/sync/records'>, signal?: AbortSignal) => ok(api.client.GET('/api/v1/sync/records', { params: { query }, signal })),
  retry: (recordId: string) =>
    ok(api.client.POST('/api/v1/sync/records/{recordId}/retry', { params: { path: { recordId } }, headers: idempotent(newIdempotencyKey()) })),
  reconciliation: (date: string, signal?: AbortSignal) => ok(api.client.GET('/api/v1/sync/reconciliation', { params: { query: { date } }, signal })),
  regulators: (query: QueryOf<'/api/v1/regulator/sync/records'>, signal?: AbortSignal) =>
    ok(api.client.GET('/api/v1/regulator/sync/records', { params: { query }, signal })),
});

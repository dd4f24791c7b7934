import { idempotent, ok, type ApiClient } from '../../api/api-client';
import type { BodyOf, ItemOf, Page, QueryOf, ResponseOf } from '../../api/contract';

export type Claim = ResponseOf<'/api/v1/claims/{claimId}', 'get'>;
export type ClaimStatus = Claim['status'];
export type ClaimOutcome = NonNullable<Claim['decision']>['outcome'];
export type ClaimReasonCode = NonNullable<NonNullable<Claim['decision']>['reasonCode']>;
export type CasualtyKind = Claim['casualties'][number]['kind'];
export type RegisterClaimRequest = BodyOf<'/api/v1/claims', 'post'>;
export type DecideClaimRequest = BodyOf<'/api/v1/claims/{claimId}/decide', 'post'>;
export type RecordPayoutRequest = BodyOf<'/api/v1/claims/{claimId}/payouts', 'post'>;
export type ClaimDocumentUploadRequest = BodyOf<'/api/v1/claims/document-uploads', 'post'>;
export type ClaimDocumentUpload = ResponseOf<'/api/v1/claims/document-uploads', 'post'>;
/** A decline as the regulators see it: the claim and its insurer's name. */
export type DeclinedClaim = ItemOf<'/api/v1/regulator/claims'>;

export const CLAIM_STATUSES: readonly ClaimStatus[] = ['REGISTERED', 'DECIDED'];
export const CLAIM_OUTCOMES: readonly ClaimOutcome[] = ['PAID', 'PARTIALLY_PAID', 'DECLINED'];
export const CASUALTY_KINDS: readonly CasualtyKind[] = ['DEATH', 'INJURY', 'DISABILITY'];
export const CLAIM_REASON_CODES: readonly ClaimReasonCode[] = [
  'NOT_COVERED_ACCIDENT',
  'EXCLUSION',
  'NOT_INSURED_PERSON',
  'INSUFFICIENT_EVIDENCE',
  'ABOVE_LIMIT',
  'COMPENSATED_ELSEWHERE',
  'OTHER',
];

/** CLM-1: the insurer's claims (insurer admin and staff), the enterprise's own, and the regulators' declines. */
export class ClaimsApi {
  constructor(private readonly client: ApiClient) {}

  list(query: QueryOf<'/api/v1/claims'>, signal?: AbortSignal): Promise<Page<Claim>> {
    return ok(this.client.GET('/api/v1/claims', { params: { query }, signal }));
  }

  register(body: RegisterClaimRequest, idempotencyKey: string): Promise<Claim> {
    return ok(this.client.POST('/api/v1/claims', { body, headers: idempotent(idempotencyKey) }));
  }

  /** A ticket to upload one document straight to the write-once archive. */
  documentUpload(body: ClaimDocumentUploadRequest, idempotencyKey: string): Promise<ClaimDocumentUpload> {
    return ok(this.client.POST('/api/v1/claims/document-uploads', { body, headers: idempotent(idempotencyKey) }));
  }

  decide(claimId: string, body: DecideClaimRequest, idempotencyKey: string): Promise<Claim> {
    return ok(this.client.POST('/api/v1/claims/{claimId}/decide', { params: { path: { claimId } }, body, headers: idempotent(idempotencyKey) }));
  }

  recordPayout(claimId: string, body: RecordPayoutRequest, idempotencyKey: string): Promise<Claim> {
    return ok(this.client.POST('/api/v1/claims/{claimId}/payouts', { params: { path: { claimId } }, body, headers: idempotent(idempotencyKey) }));
  }

  listMine(query: QueryOf<'/api/v1/me/claims'>, signal?: AbortSignal): Promise<Page<Claim>> {
    return ok(this.client.GET('/api/v1/me/claims', { params: { query }, signal }));
  }

  listDeclined(query: QueryOf<'/api/v1/regulator/claims'>, signal?: AbortSignal): Promise<Page<DeclinedClaim>> {
    return ok(this.client.GET('/api/v1/regulator/claims', { params: { query }, signal }));
  }
}

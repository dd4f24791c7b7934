import { idempotent, ok, type ApiClient } from './api-client';
import type { BodyOf, ItemOf, Page, QueryOf, ResponseOf } from './contract';

export type QualificationAnswer = ResponseOf<'/api/v1/qualification/{year}', 'get'>;
export type QualificationFiling = NonNullable<QualificationAnswer['filing']>;
export type EligibilityResult = QualificationAnswer['eligibility'];
export type EligibilityCriterion = EligibilityResult['criteria'][number];
export type EligibilityRule = EligibilityCriterion['rule'];
export type PutQualificationRequest = BodyOf<'/api/v1/qualification/{year}', 'put'>;
/** The product (UW-7) a filing names, as the server answers it. */
export type FiledProduct = NonNullable<QualificationFiling['filedProduct']>;
export type FactorBoundsTable = NonNullable<PutQualificationRequest['filedProduct']>['factorBounds'];
export type FactorBounds = FactorBoundsTable['accidentRecord'];
export type Licence = NonNullable<PutQualificationRequest['businessLicence']>;
export type RiskRating = NonNullable<PutQualificationRequest['solvency']>['riskRating'];
/** A document in the write-once archive, as a filing cites it. */
export type ArchiveRef = NonNullable<NonNullable<PutQualificationRequest['prevention']>['systemDocument']>;

export type Policy = ResponseOf<'/api/v1/policies/{policyId}', 'get'>;
export type PolicyStatus = Policy['status'];
export type PolicyMode = Policy['mode'];
export type Industry = Policy['enterprise']['industry'];
export type EnterpriseSize = Policy['enterprise']['size'];
export type Endorsement = Policy['endorsements'][number];
export type AppliedFactor = Policy['rating']['factors']['accidentRecord'];
export type CoinsuranceMember = Policy['members'][number];
export type OtherSafetyInsurance = Policy['otherSafetyInsurance'][number];
export type OtherSafetyInsuranceKind = OtherSafetyInsurance['kind'];
export type IssuePolicyRequest = BodyOf<'/api/v1/policies', 'post'>;
export type RatingFactorsRequest = IssuePolicyRequest['rating'];
export type StandardisationGrade = RatingFactorsRequest['standardisationGrade'];
export type EndorsePolicyRequest = BodyOf<'/api/v1/policies/{policyId}/endorsements', 'post'>;
export type CancelPolicyRequest = BodyOf<'/api/v1/policies/{policyId}/cancel', 'post'>;
export type PolicyListRequest = Omit<QueryOf<'/api/v1/policies'>, 'shared'> & {
  /** Co-insured policies led by another insurer (read-only). */
  readonly shared?: boolean;
};

/** REG-1: one enterprise of the regulators' register. */
export type RegisterEntry = ResponseOf<'/api/v1/register/enterprises/{uscc}', 'get'>;

/** The insurer's qualification filing (QUAL-1..6) and its live eligibility. */
export class QualificationApi {
  constructor(private readonly client: ApiClient) {}

  /** The year's filing (absent before the first save) and the eligibility today, criterion by criterion. */
  get(year: number, signal?: AbortSignal): Promise<QualificationAnswer> {
    return ok(this.client.GET('/api/v1/qualification/{year}', { params: { path: { year } }, signal }));
  }

  /** QUAL-4: a ticket to upload one document of the year's filing straight to the write-once archive. */
  documentUpload(
    year: number,
    body: BodyOf<'/api/v1/qualification/{year}/document-uploads', 'post'>,
    idempotencyKey: string,
  ): Promise<ResponseOf<'/api/v1/qualification/{year}/document-uploads', 'post'>> {
    return ok(this.client.POST('/api/v1/qualification/{year}/document-uploads', { params: { path: { year } }, body, headers: idempotent(idempotencyKey) }));
  }

  /** Files or corrects the whole filing of the year (a PUT replaces it); answers the eligibility after the save. */
  put(year: number, body: PutQualificationRequest, idempotencyKey: string): Promise<ResponseOf<'/api/v1/qualification/{year}', 'put'>> {
    return ok(this.client.PUT('/api/v1/qualification/{year}', { params: { path: { year } }, body, headers: idempotent(idempotencyKey) }));
  }
}

/** The insurer's policies (UW-1..10). */
export class PoliciesApi {
  constructor(private readonly client: ApiClient) {}

  list({ shared, ...query }: PolicyListRequest, signal?: AbortSignal): Promise<Page<Policy>> {
    return ok(this.client.GET('/api/v1/policies', { params: { query: { ...query, shared: shared ? 'true' : undefined } }, signal }));
  }

  get(policyId: string, signal?: AbortSignal): Promise<Policy> {
    return ok(this.client.GET('/api/v1/policies/{policyId}', { params: { path: { policyId } }, signal }));
  }

  /** UW-6: the other active insurers a lead may name as co-insurers, by name (issue 15: no typed ids). */
  coinsurers(signal?: AbortSignal): Promise<ResponseOf<'/api/v1/coinsurers', 'get'>> {
    return ok(this.client.GET('/api/v1/coinsurers', { signal }));
  }

  /** UW-1..10; refusals name the rule and the field (UW-8 lists every failing QUAL criterion). */
  issue(body: IssuePolicyRequest, idempotencyKey: string): Promise<Policy> {
    return ok(this.client.POST('/api/v1/policies', { body, headers: idempotent(idempotencyKey) }));
  }

  endorse(policyId: string, body: EndorsePolicyRequest, idempotencyKey: string): Promise<Policy> {
    return ok(this.client.POST('/api/v1/policies/{policyId}/endorsements', { params: { path: { policyId } }, body, headers: idempotent(idempotencyKey) }));
  }

  cancel(policyId: string, body: CancelPolicyRequest, idempotencyKey: string): Promise<Policy> {
    return ok(this.client.POST('/api/v1/policies/{policyId}/cancel', { params: { path: { policyId } }, body, headers: idempotent(idempotencyKey) }));
  }

  /** REG-1: one enterprise of the regulators' register, by USCC, to underwrite it. */
  lookUpEnterprise(uscc: string, signal?: AbortSignal): Promise<RegisterEntry> {
    return ok(this.client.GET('/api/v1/register/enterprises/{uscc}', { params: { path: { uscc } }, signal }));
  }
}

/** The enterprise's own policies across insurers (ACL-5). */
export class MyPoliciesApi {
  constructor(private readonly client: ApiClient) {}

  list(query: QueryOf<'/api/v1/me/policies'>, signal?: AbortSignal): Promise<Page<Policy>> {
    return ok(this.client.GET('/api/v1/me/policies', { params: { query }, signal }));
  }
}

/** UW-12: a refusal to insure, as recorded. */
export type Refusal = ItemOf<'/api/v1/refusals'>;
export type RefusalReason = Refusal['reason'];
export type RecordRefusalRequest = BodyOf<'/api/v1/refusals', 'post'>;
/** UW-12: a refusal as the regulators see it, with the insurer's name. */
export type RegulatorRefusal = ResponseOf<'/api/v1/regulator/refusals', 'get'>['items'][number];
/** QUAL-6: one insurer's filing of a year as the city EMB sees it. */
export type InsurerFiling = ResponseOf<'/api/v1/regulator/qualifications', 'get'>['items'][number];
export type RecordPaperFilingRequest = BodyOf<'/api/v1/regulator/qualifications/{insurerTenantId}/{year}/paper-filing', 'post'>;

/** UW-12: the insurer's refusals to insure (无正当理由不得拒保) and the regulators' view of them. */
export class RefusalsApi {
  constructor(private readonly client: ApiClient) {}

  /** The insurer's own refusals, newest first. */
  list(query: QueryOf<'/api/v1/refusals'>, signal?: AbortSignal): Promise<Page<Refusal>> {
    return ok(this.client.GET('/api/v1/refusals', { params: { query }, signal }));
  }

  record(body: RecordRefusalRequest, idempotencyKey: string): Promise<Refusal> {
    return ok(this.client.POST('/api/v1/refusals', { body, headers: idempotent(idempotencyKey) }));
  }

  /** Every insurer's refusals (a county EMB: its county's), newest first. */
  async regulatorList(query: QueryOf<'/api/v1/regulator/refusals'>, signal?: AbortSignal): Promise<Page<RegulatorRefusal>> {
    const answer = await ok(this.client.GET('/api/v1/regulator/refusals', { params: { query }, signal }));
    // Issue 15: one answer holds every row; its total is the kit's 共 N 条.
    return { items: answer.items, ...(answer.total === undefined ? {} : { total: answer.total }) };
  }
}

/** QUAL-6: the city EMB's view of every insurer's filing, and its record of a paper filing. */
export class FilingOversightApi {
  constructor(private readonly client: ApiClient) {}

  list(year: number, signal?: AbortSignal): Promise<ResponseOf<'/api/v1/regulator/qualifications', 'get'>> {
    return ok(this.client.GET('/api/v1/regulator/qualifications', { params: { query: { year } }, signal }));
  }

  recordPaperFiling(insurerTenantId: string, year: number, body: RecordPaperFilingRequest, idempotencyKey: string) {
    return ok(
      this.client.POST('/api/v1/regulator/qualifications/{insurerTenantId}/{year}/paper-filing', {
        params: { path: { insurerTenantId, year } },
        body,
        headers: idempotent(idempotencyKey),
      }),
    );
  }
}

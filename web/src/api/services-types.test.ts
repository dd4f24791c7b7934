import { describe, expect, it } from 'vitest';
import { EXPERT_STATUSES as DOMAIN_EXPERT_STATUSES } from '../../../domain/register/expert';
import { SERVICE_ORG_STATUSES as DOMAIN_ORG_STATUSES } from '../../../domain/register/service-org';
import { HAZARD_GRADES as DOMAIN_HAZARD_GRADES, HAZARD_STATUSES as DOMAIN_HAZARD_STATUSES } from '../../../domain/services/hazard';
import { RISK_GRADES as DOMAIN_RISK_GRADES } from '../../../domain/services/service-plan';
import {
  CONFIRMING_PARTIES as DOMAIN_PARTIES,
  EVIDENCE_KINDS as DOMAIN_EVIDENCE_KINDS,
  FOLLOW_UP_CHANNELS as DOMAIN_CHANNELS,
  PROVIDER_KINDS as DOMAIN_PROVIDER_KINDS,
  REVIEW_FLAG_CODES,
  SERVICE_STATUSES as DOMAIN_SERVICE_STATUSES,
  SERVICE_TYPES as DOMAIN_SERVICE_TYPES,
  SERVICE_TYPE_NAMES_ZH,
} from '../../../domain/services/service';
import { zhCN } from '../i18n/messages.zh-CN';
import {
  CONFIRMING_PARTIES,
  EVIDENCE_KINDS,
  EXPERT_STATUSES,
  FOLLOW_UP_CHANNELS,
  HAZARD_GRADES,
  HAZARD_STATUSES,
  PROVIDER_KINDS,
  RISK_GRADES,
  SERVICE_ORG_STATUSES,
  SERVICE_STATUSES,
  SERVICE_TYPES,
} from './services-types';

/** The console's copies of the services vocabulary (SVC-1..13, REG-2, REG-3) must say what domain/ says. */
describe('services types mirror domain/', () => {
  it('has the service types of SVC-3 with the domain’s Chinese names', () => {
    expect(SERVICE_TYPES).toEqual(DOMAIN_SERVICE_TYPES);
    for (const type of SERVICE_TYPES) expect(zhCN[`svc.type.${type}`], type).toBe(SERVICE_TYPE_NAMES_ZH[type]);
  });

  it('has the statuses and vocabularies of SVC-5..13', () => {
    expect(SERVICE_STATUSES).toEqual(DOMAIN_SERVICE_STATUSES);
    expect(PROVIDER_KINDS).toEqual(DOMAIN_PROVIDER_KINDS);
    expect(EVIDENCE_KINDS).toEqual(DOMAIN_EVIDENCE_KINDS);
    expect(FOLLOW_UP_CHANNELS).toEqual(DOMAIN_CHANNELS);
    expect(CONFIRMING_PARTIES).toEqual(DOMAIN_PARTIES);
    expect(HAZARD_GRADES).toEqual(DOMAIN_HAZARD_GRADES);
    expect(HAZARD_STATUSES).toEqual(DOMAIN_HAZARD_STATUSES);
    expect(RISK_GRADES).toEqual(DOMAIN_RISK_GRADES);
    for (const code of REVIEW_FLAG_CODES) expect(zhCN[`svc.flag.${code}`], code).toBeTruthy();
  });

  it('has the register statuses of REG-2 and REG-3', () => {
    expect(SERVICE_ORG_STATUSES).toEqual(DOMAIN_ORG_STATUSES);
    expect(EXPERT_STATUSES).toEqual(DOMAIN_EXPERT_STATUSES);
  });
});

import type { HazardGrade, HazardStatus, PreventionService, ServiceStatus, ServiceType } from '../../api';
import type { Translate } from '../../i18n';

/** `隐患排查（体检式精查）` for a deep inspection (SVC-3), the plain type name otherwise. */
export function serviceTypeText(service: { readonly type: ServiceType; readonly deep?: boolean }, t: Translate): string {
  const name = t(`svc.type.${service.type}`);
  return service.deep ? `${name}（${t('svc.deep')}）` : name;
}

export const serviceStatusText = (status: ServiceStatus, t: Translate): string => t(`svc.status.${status}`);
export const hazardStatusText = (status: HazardStatus, t: Translate): string => t(`hazard.status.${status}`);
export const hazardGradeText = (grade: HazardGrade, t: Translate): string => t(`hazard.grade.${grade}`);

/** Who provides the service: the insurer's own team, or the registered organisation by name (SVC-6). */
export function providerText(service: Pick<PreventionService, 'provider'>, t: Translate): string {
  const { provider } = service;
  if (provider.kind === 'OWN') return t('svc.provider.OWN');
  const org = [provider.orgName, provider.registrationNumber].filter(Boolean).join(' · ');
  return org ? `${t('svc.provider.THIRD_PARTY')}：${org}` : t('svc.provider.THIRD_PARTY');
}

/** SVC-5 (issue 15): the 服务编号; a service scheduled before numbering has none and is named by its id. */
export const serviceNumberText = (service: Pick<PreventionService, 'id' | 'serviceNumber'>): string => service.serviceNumber ?? service.id;
export const servicePath = (service: Pick<PreventionService, 'id'>): string => `/insurer/services/${encodeURIComponent(service.id)}`;
export const archivePath = (archiveId: string): string => `/insurer/archives/${encodeURIComponent(archiveId)}`;
export const obligationsPath = (policyId?: string): string => (policyId ? `/insurer/obligations?policyId=${encodeURIComponent(policyId)}` : '/insurer/obligations');

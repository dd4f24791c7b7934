import { Tag } from 'antd';
import type { Policy } from '../../api';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';

/** Where a policy stands today: cancelled, not yet started, in force, or ended (UW-1; status alone does not say). */
export type PolicyPhase = 'CANCELLED' | 'PENDING' | 'IN_FORCE' | 'ENDED';

export function policyPhase(policy: Pick<Policy, 'status' | 'periodStart' | 'periodEnd'>, today: string): PolicyPhase {
  if (policy.status === 'CANCELLED') return 'CANCELLED';
  if (today < policy.periodStart) return 'PENDING';
  if (today > policy.periodEnd) return 'ENDED';
  return 'IN_FORCE';
}

const COLOUR: Record<PolicyPhase, string> = { CANCELLED: 'default', PENDING: 'blue', IN_FORCE: 'green', ENDED: 'default' };

export const policyPhaseKey = (phase: PolicyPhase): MessageKey => `policy.phase.${phase}`;

export function PolicyStatusTag({ policy, today }: { readonly policy: Pick<Policy, 'status' | 'periodStart' | 'periodEnd'>; readonly today: string }) {
  const { t } = useI18n();
  const phase = policyPhase(policy, today);
  return <Tag color={COLOUR[phase]}>{t(policyPhaseKey(phase))}</Tag>;
}

import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import type { Claim, ClaimOutcome } from './claims-api';

const OUTCOME_COLORS: Record<ClaimOutcome, string> = { PAID: 'green', PARTIALLY_PAID: 'gold', DECLINED: 'red' };

/** Where a claim stands: 待核定, or the decision (足额赔付 / 部分赔付 / 拒赔). */
export function ClaimStateTag({ claim }: { readonly claim: Pick<Claim, 'status' | 'decision'> }) {
  const { t } = useI18n();
  const outcome = claim.decision?.outcome;
  return (
    <Tag color={outcome ? OUTCOME_COLORS[outcome] : 'blue'} style={{ marginInlineEnd: 0 }}>
      {outcome ? t(`claim.outcome.${outcome}`) : t(`claim.status.${claim.status}`)}
    </Tag>
  );
}

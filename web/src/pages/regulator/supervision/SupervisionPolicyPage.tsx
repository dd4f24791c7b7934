import { useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../app/ServicesContext';
import { useI18n } from '../../../i18n';
import { PageHeading, QueryFallback } from '../../../kit';
import { shanghaiToday } from '../../complaints/due-dates';
import { PolicyDetail } from '../../underwriting/PolicyDetail';
import { FolderLinkButton } from '../../archive/FolderLinkButton';
import { supervisionPaths } from './paths';

/** One policy of an insurer for the regulators (issue 14; ACL-2, ACL-4): the insurer's own policy view, without its actions. */
export function SupervisionPolicyPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { tenantId = '', policyId = '' } = useParams();
  const query = useQuery({
    queryKey: [...queryKeys.supervision, 'policy', tenantId, policyId],
    queryFn: ({ signal }) => api.supervision.policy(tenantId, policyId, signal),
  });
  const policy = query.data?.policy;
  // SVC-10 (issue 18): the enterprise's archive folder of this policy year, every insurer's documents in scope.
  const back = (
    <Space wrap>
      {policy && <FolderLinkButton uscc={policy.enterprise.uscc} periodStart={policy.periodStart} />}
      <Button onClick={() => void navigate(supervisionPaths.policies(tenantId))}>{t('sup.policy.back')}</Button>
    </Space>
  );
  return (
    <>
      <PageHeading title={t('sup.policy.title')} extra={back} />
      {query.data ? (
        <PolicyDetail policy={query.data.policy} today={shanghaiToday()} insurer={query.data.insurer.name} />
      ) : (
        <QueryFallback query={query} onRetry={() => void query.refetch()} />
      )}
    </>
  );
}

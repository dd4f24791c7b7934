import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { Alert, Button, Descriptions, Result, Skeleton, Table, Tag, Typography } from 'antd';
import type { DigestCheck } from '../../api';
import { useNavigate, useParams } from 'react-router';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DateTime, describeApiError, labelledTable, PageHeading } from '../../kit';
import { OVERDUE_COLOR } from '../complaints/DueDateBadge';
import { ShortSha } from './ServiceTags';

/**
 * 档案核验 (SVC-10): the archived document's record and a fresh check of its bytes against the SHA-256 recorded
 * when it was archived — 一致 in green, 不一致 in red — with both digests and the retention date.
 */
export function ArchiveVerifyPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const archiveId = useParams().archiveId ?? '';
  const record = useQuery({ queryKey: [...queryKeys.services, `archive:${archiveId}`], queryFn: ({ signal }) => api.services.getArchive(archiveId, signal) });
  const check = useQuery({ queryKey: [...queryKeys.services, `archive:${archiveId}:verify`], queryFn: ({ signal }) => api.services.verifyArchive(archiveId, signal) });
  const verification = check.data;
  const back = <Button onClick={() => void navigate(-1)}>{t('svc.detail.back')}</Button>;

  return (
    <>
      <PageHeading title={t('archive.title')} extra={back} />
      <Typography.Paragraph type="secondary">{t('archive.intro')}</Typography.Paragraph>
      {Boolean(check.error) && <Alert type="error" showIcon title={describeApiError(check.error, t)} style={{ marginBottom: 12 }} />}
      {check.isFetching && !verification && <Skeleton active />}
      {verification && (
        <section aria-label={t('archive.title')} data-testid="archive-result" data-matches={String(verification.matches)}>
          <Result
            status={verification.matches ? 'success' : 'error'}
            title={verification.matches ? t('archive.matches') : t('archive.mismatch')}
            subTitle={verification.matches ? t('archive.matchesBody') : t('archive.mismatchBody')}
            extra={
              <Button onClick={() => void check.refetch()} loading={check.isFetching}>
                {t('archive.again')}
              </Button>
            }
          />
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('archive.id')}>
              <code>{archiveId}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('archive.recorded')}>
              <code style={{ wordBreak: 'break-all' }} data-testid="sha-recorded">
                {verification.sha256}
              </code>
            </Descriptions.Item>
            <Descriptions.Item label={t('archive.actual')}>
              <code style={{ wordBreak: 'break-all', color: verification.matches ? undefined : OVERDUE_COLOR }} data-testid="sha-actual">
                {verification.actualSha256 ?? verification.sha256}
              </code>
            </Descriptions.Item>
            <Descriptions.Item label={t('archive.retainUntil')}>
              <DateTime value={verification.retainUntil} />
            </Descriptions.Item>
            {record.data && (
              <Descriptions.Item label={t('archive.storedAt')}>
                <DateTime value={record.data.archivedAt} />
              </Descriptions.Item>
            )}
            {record.data?.size !== undefined && <Descriptions.Item label={t('archive.size')}>{record.data.size}</Descriptions.Item>}
            <Descriptions.Item label={t('archive.key')}>
              <code style={{ wordBreak: 'break-all' }}>{verification.key}</code>
            </Descriptions.Item>
          </Descriptions>
          {verification.attachments.length > 0 && (
            <Table<DigestCheck>
              style={{ marginTop: 12 }}
              size="small"
              bordered
              pagination={false}
              rowKey={(attachment) => attachment.key}
              dataSource={verification.attachments as DigestCheck[]}
              components={{ table: labelledTable(t('archive.attachments')) }}
              columns={[
                { key: 'key', title: t('archive.key'), render: (_, attachment) => <code style={{ wordBreak: 'break-all' }}>{attachment.key.split('/').pop()}</code> },
                { key: 'sha256', title: t('archive.recorded'), render: (_, attachment) => <ShortSha sha256={attachment.sha256} /> },
                {
                  key: 'matches',
                  title: t('archive.result'),
                  width: 90,
                  render: (_, attachment) => (attachment.matches ? <Tag color="green">{t('archive.matches')}</Tag> : <Tag color={OVERDUE_COLOR} variant="solid">{t('archive.mismatch')}</Tag>),
                },
              ]}
            />
          )}
        </section>
      )}
    </>
  );
}

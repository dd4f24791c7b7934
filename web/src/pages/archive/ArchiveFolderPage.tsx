import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../app/ServicesContext';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n';
import { DateTime, describeApiError, PageHeading, QueryFallback, SectionCard } from '../../kit';
import { downloadFromLink } from '../../kit/download';
import { OVERDUE_COLOR } from '../complaints/DueDateBadge';
import { ShortSha } from '../services/ServiceTags';
import { useSessionUser } from '../underwriting/session';
import { archiveFolderApi, FOLDER_KINDS, type FolderDocument, type FolderDocumentKind, type FolderVerification } from './archive-folder-api';

const KIND_TITLE: Record<FolderDocumentKind, MessageKey> = {
  POLICY: 'folder.kind.POLICY',
  SERVICE_PLAN: 'folder.kind.SERVICE_PLAN',
  SERVICE_RECORD: 'folder.kind.SERVICE_RECORD',
  SERVICE_EVIDENCE: 'folder.kind.SERVICE_EVIDENCE',
  HAZARD_NOTICE: 'folder.kind.HAZARD_NOTICE',
  RECTIFICATION_EVIDENCE: 'folder.kind.RECTIFICATION_EVIDENCE',
  OUTSOURCING_CONTRACT: 'folder.kind.OUTSOURCING_CONTRACT',
  LEDGER_EXTRACT: 'folder.kind.LEDGER_EXTRACT',
  COMPLAINT: 'folder.kind.COMPLAINT',
  EVALUATION: 'folder.kind.EVALUATION',
};

/**
 * 档案夹 (SVC-10, issue 18): an insured enterprise's archived documents for one policy year, grouped by kind —
 * the contract, the service plan, the service records and their evidence, the hazard notices and the
 * rectification evidence, the fee ledger extracts, the complaints with their replies, and the insurer's
 * evaluations of the year (the regulators' 考核评估, RPT-3, and its own 自评估, RPT-2; earlier editions marked) —
 * each with its recorded SHA-256, a download (a short-lived link, saved as a file) and 校验 (the bytes read back
 * and hashed again now). The insurer that leads a policy archives a new ledger extract of it (生成台账摘录);
 * regulators only read. Opened from a policy (the insurer's, or a regulator's view of it), never by typing a USCC.
 */
export function ArchiveFolderPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const uscc = useParams().uscc ?? '';
  const [search, setSearch] = useSearchParams();
  const folderApi = archiveFolderApi(api.client);
  const query = useQuery({ queryKey: ['archive-folder', uscc], queryFn: ({ signal }) => folderApi.folder(uscc, signal) });
  const [checks, setChecks] = useState<Record<string, FolderVerification>>({});
  const queryClient = useQueryClient();
  const user = useSessionUser();
  // Only an insurer archives (ACL-1: the folder shows it only its own, lead, policies); regulators read.
  const isInsurer = user?.role === 'insurer-admin' || user?.role === 'insurer-staff';
  const extract = useMutation({
    mutationFn: (policyId: string) => folderApi.ledgerExtract(uscc, policyId),
    onSuccess: () => {
      void message.success(t('folder.ledgerExtractDone'));
      void queryClient.invalidateQueries({ queryKey: ['archive-folder', uscc] });
    },
    onError: (error) => void message.error(describeApiError(error, t)),
  });
  const verify = useMutation({
    mutationFn: (document: FolderDocument) => folderApi.verify(uscc, document.docId),
    onSuccess: (result) => setChecks((previous) => ({ ...previous, [result.docId]: result })),
    onError: (error) => void message.error(describeApiError(error, t)),
  });
  const download = useMutation({
    mutationFn: (document: FolderDocument) => folderApi.download(uscc, document.docId),
    onSuccess: (link) => downloadFromLink(link.url),
    onError: (error) => void message.error(describeApiError(error, t)),
  });
  const back = <Button onClick={() => void navigate(-1)}>{t('folder.back')}</Button>;
  const folder = query.data;
  if (!folder) {
    return (
      <>
        <PageHeading title={t('folder.title')} extra={back} />
        <QueryFallback query={query} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const years = [...new Set(folder.policies.map((policy) => policy.year))].sort((a, b) => b - a);
  const asked = Number(search.get('year'));
  const year = years.includes(asked) ? asked : years[0];
  const policies = folder.policies.filter((policy) => policy.year === year);
  const policyNumber = new Map(policies.map((policy) => [policy.id, policy.policyNumber]));
  const documents = folder.documents.filter((document) => policyNumber.has(document.policyId));

  const item = (document: FolderDocument) => {
    const check = checks[document.docId];
    const busy = (pending: { isPending: boolean; variables?: FolderDocument }) => pending.isPending && pending.variables?.docId === document.docId;
    return (
      <List.Item
        key={document.docId}
        data-testid="folder-document"
        actions={[
          <Button key="download" size="small" loading={busy(download)} onClick={() => download.mutate(document)}>
            {t('folder.download')}
          </Button>,
          <Button key="verify" size="small" loading={busy(verify)} onClick={() => verify.mutate(document)}>
            {t('folder.verify')}
          </Button>,
        ]}
      >
        <List.Item.Meta
          title={
            <Space wrap size={4}>
              {document.kind === 'EVALUATION' && <Tag>{t(document.subject.kind === 'REPORT' ? 'folder.evaluation.self' : 'folder.evaluation.regulator')}</Tag>}
              <span style={{ wordBreak: 'break-all' }}>{document.fileName}</span>
              {document.superseded && <Tag data-testid="folder-superseded">{t('folder.superseded')}</Tag>}
              {check && (
                <Tag color={check.matches ? 'green' : OVERDUE_COLOR} variant={check.matches ? undefined : 'solid'} data-testid="folder-check">
                  {check.matches ? t('folder.matches') : t('folder.mismatch')}
                </Tag>
              )}
            </Space>
          }
          description={
            <Space direction="vertical" size={0} style={{ wordBreak: 'break-all' }}>
              <span>
                {t('folder.policy')}：{policyNumber.get(document.policyId)}　{t('folder.at')}：<DateTime value={document.at} />
              </span>
              <span>
                {t('folder.sha256')}：<ShortSha sha256={document.sha256} />
                {document.retainUntil && (
                  <>
                    　{t('folder.retainUntil')}：<DateTime value={document.retainUntil} />
                  </>
                )}
              </span>
              {check && !check.matches && (
                <span style={{ color: OVERDUE_COLOR }}>
                  {t('folder.actual')}：{check.actualSha256 ? <ShortSha sha256={check.actualSha256} /> : t('folder.missing')}
                </span>
              )}
            </Space>
          }
        />
      </List.Item>
    );
  };

  return (
    <>
      <PageHeading title={t('folder.titleOf', { name: folder.enterpriseName })} extra={back} />
      <Typography.Paragraph type="secondary">{t('folder.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('folder.year')}</span>
        <Select
          aria-label={t('folder.year')}
          value={year}
          style={{ minWidth: 120 }}
          options={years.map((value) => ({ value, label: t('folder.yearOption', { year: value }) }))}
          onChange={(value: number) => setSearch({ year: String(value) }, { replace: true })}
        />
        <Typography.Text type="secondary">{t('folder.count', { count: documents.length })}</Typography.Text>
        {isInsurer &&
          policies.map((policy) => (
            <Button
              key={policy.id}
              data-testid="folder-ledger-extract"
              loading={extract.isPending && extract.variables === policy.id}
              onClick={() => extract.mutate(policy.id)}
            >
              {policies.length > 1 ? t('folder.ledgerExtractOf', { policyNumber: policy.policyNumber }) : t('folder.ledgerExtract')}
            </Button>
          ))}
      </Space>
      {documents.length === 0 && <Empty description={t('folder.empty')} />}
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {FOLDER_KINDS.map((kind) => {
          const ofKind = documents.filter((document) => document.kind === kind);
          if (ofKind.length === 0) return null;
          return (
            <SectionCard key={kind} title={`${t(KIND_TITLE[kind])}（${ofKind.length}）`} data-testid={`folder-kind-${kind}`}>
              <List size="small" dataSource={ofKind} renderItem={item} />
            </SectionCard>
          );
        })}
      </Space>
    </>
  );
}

import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Descriptions, Empty, Flex, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { newIdempotencyKey, type EvaluationItemView, type ReportDetail, type ReportFileFormat, type ReportFileLink, type SelfEvaluationView } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { formatFen, formatWhole, useI18n, type Translate } from '../../i18n';
import { describeApiError, SectionCard } from '../../kit';
import { downloadFromLink } from '../../kit/download';
import { useInvalidate } from '../../kit/useInvalidate';
import { archiveFolderApi, type FolderDocument } from '../archive/archive-folder-api';
import { shanghaiToday } from '../complaints/due-dates';
import { sha256Hex } from '../services/evidence-upload';
import { percentOf } from './report-values';

/** RPT-2: the bound the server keeps (domain/reports/self-evaluation.ts, NARRATIVE_MAX_CHARS). */
const NARRATIVE_MAX = 2000;
const EVIDENCE_MAX = 10;
/** SVC-10: the folder's documents that are archive records (evidence files are cited through their record). */
const CITABLE = new Set(['SERVICE_PLAN', 'SERVICE_RECORD', 'HAZARD_NOTICE', 'POLICY', 'COMPLAINT', 'LEDGER_EXTRACT']);

type Fact = EvaluationItemView['facts'][number];
type Evidence = EvaluationItemView['evidence'][number];

/** A platform figure as the files write it: counts, 元, %, a mean score with two decimals, — when there is nothing to divide by. */
function factText(t: Translate, fact: Fact): string {
  if (fact.value === null) return '—';
  switch (fact.unit) {
    case 'COUNT':
      return formatWhole(fact.value);
    case 'FEN':
      return formatFen(fact.value, t('money.unit'));
    case 'BP':
      return percentOf(fact.value);
    case 'SCORE':
      return t('rpt.ev.score', { score: `${Math.trunc(fact.value / 100)}.${String(fact.value % 100).padStart(2, '0')}` });
  }
}

function FactsOf({ facts }: { readonly facts: readonly Fact[] }) {
  const { t } = useI18n();
  if (facts.length === 0) return null;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2 }}
      title={<Typography.Text strong>{t('rpt.ev.platformData')}</Typography.Text>}
      items={facts.map((fact) => ({ key: fact.label, label: fact.label, children: factText(t, fact) }))}
      style={{ marginBottom: 8 }}
    />
  );
}

function EvidenceList({ evidence, onRemove }: { readonly evidence: readonly Evidence[]; readonly onRemove?: (archiveId: string) => void }) {
  const { t } = useI18n();
  if (evidence.length === 0) return <Typography.Text type="secondary">{t('rpt.ev.evidenceNone')}</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {evidence.map((doc) => (
        <Flex key={doc.archiveId} gap={8} align="center" wrap>
          <Typography.Text style={{ minWidth: 0, wordBreak: 'break-all' }}>{doc.fileName}</Typography.Text>
          <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
            {doc.sha256.slice(0, 12)}…
          </Typography.Text>
          {onRemove && <Button size="small" aria-label={`${t('rpt.ev.removeEvidence')} ${doc.fileName}`} icon={<DeleteOutlined />} onClick={() => onRemove(doc.archiveId)} />}
        </Flex>
      ))}
    </Flex>
  );
}

/**
 * RPT-2: a submitted (or reviewed) evaluation, read only — each item with what it measures, the platform's
 * figures, the narrative and its evidence; or the third party's organisation and file with its download.
 */
export function EvaluationView({ evaluation, fileOf }: { readonly evaluation: SelfEvaluationView; readonly fileOf: (format: ReportFileFormat) => Promise<ReportFileLink> }) {
  const { t } = useI18n();
  return (
    <SectionCard title={`${t('rpt.ev.title')} · ${t(`rpt.ev.mode.${evaluation.mode}`)}`} data-testid="evaluation-view">
      {evaluation.mode === 'THIRD_PARTY' ? (
        <ThirdPartyFacts evaluation={evaluation} fileOf={fileOf} />
      ) : (
        <Flex vertical gap={16}>
          {evaluation.items.map((item, index) => (
            <div key={item.code}>
              <Typography.Title level={3} style={{ fontSize: 14 }}>
                {index + 1}. {item.name}
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                {t('rpt.ev.measures')}：{item.measures}
              </Typography.Paragraph>
              <FactsOf facts={item.facts} />
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{item.narrative || t('rpt.ev.narrativeMissing')}</Typography.Paragraph>
              <Typography.Text strong>{t('rpt.ev.evidence')}：</Typography.Text>
              <EvidenceList evidence={item.evidence} />
            </div>
          ))}
        </Flex>
      )}
    </SectionCard>
  );
}

function ThirdPartyFacts({ evaluation, fileOf }: { readonly evaluation: SelfEvaluationView; readonly fileOf: (format: ReportFileFormat) => Promise<ReportFileLink> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [loading, setLoading] = useState(false);
  const third = evaluation.thirdParty;
  if (!third) return <Typography.Text type="secondary">{t('rpt.ev.noThirdParty')}</Typography.Text>;
  const download = async () => {
    setLoading(true);
    try {
      const link = await fileOf('third-party');
      if (!link.verified) void message.error(t('rpt.fileNotVerified'));
      downloadFromLink(link.url);
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'org', label: t('rpt.ev.thirdPartyOrg'), children: third.organisation.name },
          { key: 'file', label: t('rpt.ev.thirdPartyFile'), children: <span style={{ wordBreak: 'break-all' }}>{third.fileName}</span> },
          {
            key: 'sha',
            label: t('rpt.fileHash', { format: 'PDF' }),
            children: (
              <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
                {third.file.sha256}
              </Typography.Text>
            ),
          },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Button onClick={() => void download()} loading={loading} data-testid="report-download-third-party">
        {t('rpt.ev.downloadThirdParty')}
      </Button>
    </>
  );
}

/**
 * RPT-2: the insurer's evaluation on the draft — 自评: each item's platform figures beside a narrative to write
 * and evidence chosen from the archive; or 第三方评估: the registered organisation (REG-2) and its PDF. Saving
 * renders the draft's files again; 报送 stays on the draft section.
 */
export function EvaluationEditor({ detail }: { readonly detail: ReportDetail }) {
  const { t } = useI18n();
  const evaluation = detail.report.draft?.evaluation;
  const [mode, setMode] = useState<SelfEvaluationView['mode']>(evaluation?.mode ?? 'SELF');
  if (!evaluation) return null;
  return (
    <SectionCard title={t('rpt.ev.title')} data-testid="evaluation-editor">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('rpt.ev.intro')}
      </Typography.Paragraph>
      <Radio.Group
        aria-label={t('rpt.ev.mode')}
        value={mode}
        onChange={(event) => setMode(event.target.value as SelfEvaluationView['mode'])}
        optionType="button"
        options={[
          { value: 'SELF', label: t('rpt.ev.mode.SELF') },
          { value: 'THIRD_PARTY', label: t('rpt.ev.mode.THIRD_PARTY') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {mode === 'SELF' ? <SelfForm reportId={detail.report.id} evaluation={evaluation} /> : <ThirdPartyForm reportId={detail.report.id} evaluation={evaluation} />}
    </SectionCard>
  );
}

function SelfForm({ reportId, evaluation }: { readonly reportId: string; readonly evaluation: SelfEvaluationView }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const invalidate = useInvalidate('reports');
  const [narratives, setNarratives] = useState<Record<string, string>>(() => Object.fromEntries(evaluation.items.map((item) => [item.code, item.narrative])));
  const [evidence, setEvidence] = useState<Record<string, Evidence[]>>(() => Object.fromEntries(evaluation.items.map((item) => [item.code, [...item.evidence]])));
  const [picking, setPicking] = useState<EvaluationItemView>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await api.reports.writeEvaluation(reportId, {
        items: evaluation.items.map((item) => ({ code: item.code, narrative: narratives[item.code] ?? '', evidence: (evidence[item.code] ?? []).map((doc) => doc.archiveId) })),
      });
      void message.success(t('rpt.ev.saved'));
      invalidate();
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Flex vertical gap={20}>
      {evaluation.items.map((item, index) => (
        <div key={item.code} data-testid={`evaluation-item-${item.code}`}>
          <Typography.Title level={3} style={{ fontSize: 14 }}>
            {index + 1}. {item.name}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('rpt.ev.measures')}：{item.measures}
          </Typography.Paragraph>
          <FactsOf facts={item.facts} />
          <Input.TextArea
            aria-label={`${item.name} ${t('rpt.ev.narrative')}`}
            placeholder={t('rpt.ev.narrative')}
            value={narratives[item.code] ?? ''}
            onChange={(event) => setNarratives((current) => ({ ...current, [item.code]: event.target.value }))}
            maxLength={NARRATIVE_MAX}
            showCount
            autoSize={{ minRows: 3, maxRows: 10 }}
            style={{ marginBottom: 12 }}
          />
          <Flex vertical gap={4}>
            <Typography.Text strong>{t('rpt.ev.evidence')}</Typography.Text>
            <EvidenceList
              evidence={evidence[item.code] ?? []}
              onRemove={(archiveId) => setEvidence((current) => ({ ...current, [item.code]: (current[item.code] ?? []).filter((doc) => doc.archiveId !== archiveId) }))}
            />
            <Button size="small" type="dashed" onClick={() => setPicking(item)} disabled={(evidence[item.code] ?? []).length >= EVIDENCE_MAX} style={{ alignSelf: 'flex-start' }}>
              {t('rpt.ev.pickEvidence')}
            </Button>
          </Flex>
        </div>
      ))}
      <Button type="primary" onClick={() => void save()} loading={saving} style={{ alignSelf: 'flex-start' }} data-testid="evaluation-save">
        {t('rpt.ev.save')}
      </Button>
      {picking && (
        <EvidencePicker
          item={picking}
          chosen={evidence[picking.code] ?? []}
          onClose={() => setPicking(undefined)}
          onPick={(docs) => {
            setEvidence((current) => ({ ...current, [picking.code]: docs.slice(0, EVIDENCE_MAX) }));
            setPicking(undefined);
          }}
        />
      )}
    </Flex>
  );
}

/** SVC-10: evidence is chosen, never typed — an insured enterprise by its policy, then documents of its archive folder. */
function EvidencePicker({
  item,
  chosen,
  onClose,
  onPick,
}: {
  readonly item: EvaluationItemView;
  readonly chosen: readonly Evidence[];
  readonly onClose: () => void;
  readonly onPick: (docs: Evidence[]) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [q, setQ] = useState('');
  const [uscc, setUscc] = useState<string>();
  const [picked, setPicked] = useState<Evidence[]>([...chosen]);
  const policies = useQuery({
    queryKey: [...queryKeys.underwriting, 'evaluation:policies', q],
    queryFn: ({ signal }) => api.policies.list({ limit: 20, ...(q ? { q } : {}) }, signal),
    staleTime: 30_000,
  });
  const enterprises = useMemo(() => {
    const seen = new Map<string, string>();
    for (const policy of policies.data?.items ?? []) if (!seen.has(policy.enterprise.uscc)) seen.set(policy.enterprise.uscc, `${policy.enterprise.name} · ${policy.policyNumber}`);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [policies.data]);
  const folder = useQuery({
    queryKey: ['archive-folder', uscc],
    queryFn: ({ signal }) => archiveFolderApi(api.client).folder(uscc as string, signal),
    enabled: uscc !== undefined,
  });
  const documents = (folder.data?.documents ?? []).filter((doc: FolderDocument) => CITABLE.has(doc.kind));
  const toggle = (doc: FolderDocument, on: boolean) =>
    setPicked((current) =>
      on
        ? [...current.filter((one) => one.archiveId !== doc.docId), { archiveId: doc.docId, kind: doc.kind, enterpriseUscc: uscc as string, fileName: doc.fileName, sha256: doc.sha256 }]
        : current.filter((one) => one.archiveId !== doc.docId),
    );
  return (
    <Modal open title={t('rpt.ev.pickTitle', { item: item.name })} onCancel={onClose} onOk={() => onPick(picked)} okText={t('rpt.ev.pickOk')} cancelText={t('form.cancel')} width={640}>
      <Flex vertical gap={12}>
        <Select
          showSearch
          aria-label={t('rpt.ev.pickPolicy')}
          placeholder={t('rpt.ev.pickPolicy')}
          filterOption={false}
          onSearch={setQ}
          options={enterprises}
          value={uscc}
          onChange={setUscc}
          loading={policies.isFetching}
          style={{ width: '100%' }}
        />
        {uscc !== undefined && (
          <Flex vertical gap={6} aria-label={t('rpt.ev.pickDocuments')}>
            {folder.isSuccess && documents.length === 0 && <Empty description={t('rpt.ev.pickNone')} />}
            {documents.map((doc) => (
              <Checkbox key={doc.docId} checked={picked.some((one) => one.archiveId === doc.docId)} onChange={(event) => toggle(doc, event.target.checked)}>
                <span style={{ wordBreak: 'break-all' }}>
                  <Tag>{t(`folder.kind.${doc.kind}` as never)}</Tag>
                  {doc.fileName}
                </span>
              </Checkbox>
            ))}
          </Flex>
        )}
      </Flex>
    </Modal>
  );
}

function ThirdPartyForm({ reportId, evaluation }: { readonly reportId: string; readonly evaluation: SelfEvaluationView }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const invalidate = useInvalidate('reports');
  const input = useRef<HTMLInputElement>(null);
  const [organisationId, setOrganisationId] = useState<string | undefined>(evaluation.thirdParty?.organisation.id);
  const [upload, setUpload] = useState<{ uploadId: string; name: string }>();
  const [busy, setBusy] = useState<'upload' | 'save'>();
  const orgs = useQuery({
    queryKey: [...queryKeys.reports, 'evaluation:orgs'],
    queryFn: ({ signal }) => api.providers.listOrgs({ limit: 100, usableOn: shanghaiToday() }, signal),
    staleTime: 60_000,
  });
  const choose = async (file: File) => {
    if (file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf')) {
      void message.error(t('rpt.ev.notPdf', { name: file.name }));
      return;
    }
    setBusy('upload');
    try {
      const bytes = await file.arrayBuffer();
      const sha256 = await sha256Hex(bytes);
      const fileName = file.name.toLowerCase().endsWith('.pdf') ? file.name : `${file.name}.pdf`;
      const { uploadId, ticket } = await api.reports.evaluationUpload(reportId, { fileName, contentType: 'application/pdf', size: file.size, sha256 }, newIdempotencyKey());
      const stored = await fetch(ticket.url, { method: ticket.method, headers: { ...ticket.headers }, body: bytes });
      if (!stored.ok) throw new Error(`${stored.status}`);
      setUpload({ uploadId, name: file.name });
    } catch (error) {
      void message.error(t('rpt.ev.uploadFailed', { name: file.name, reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(undefined);
    }
  };
  const save = async () => {
    if (!organisationId || !upload) return;
    setBusy('save');
    try {
      await api.reports.attachThirdParty(reportId, { organisationId, uploadId: upload.uploadId });
      void message.success(t('rpt.ev.attached'));
      invalidate();
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Flex vertical gap={12}>
      {evaluation.mode === 'THIRD_PARTY' && evaluation.thirdParty && (
        <Alert type="success" showIcon message={`${evaluation.thirdParty.organisation.name} · ${evaluation.thirdParty.fileName}`} />
      )}
      <Flex vertical gap={4}>
        <Typography.Text strong>{t('rpt.ev.org')}</Typography.Text>
        <Select
          showSearch
          optionFilterProp="label"
          aria-label={t('rpt.ev.org')}
          value={organisationId}
          onChange={setOrganisationId}
          loading={orgs.isFetching}
          options={(orgs.data?.items ?? []).map((org) => ({ value: org.id, label: org.name }))}
          style={{ width: '100%', maxWidth: 480 }}
        />
      </Flex>
      <Flex vertical gap={4}>
        <Typography.Text strong>{t('rpt.ev.file')}</Typography.Text>
        <input
          ref={input}
          type="file"
          accept="application/pdf,.pdf"
          hidden
          style={{ display: 'none' }}
          aria-label={t('rpt.ev.upload')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void choose(file);
          }}
        />
        <Space wrap>
          <Button icon={<UploadOutlined />} loading={busy === 'upload'} onClick={() => input.current?.click()}>
            {t('rpt.ev.upload')}
          </Button>
          {upload && <Typography.Text style={{ wordBreak: 'break-all' }}>{t('rpt.ev.uploaded', { name: upload.name })}</Typography.Text>}
        </Space>
      </Flex>
      <Button type="primary" disabled={!organisationId || !upload} loading={busy === 'save'} onClick={() => void save()} style={{ alignSelf: 'flex-start' }} data-testid="evaluation-attach">
        {t('rpt.ev.attach')}
      </Button>
    </Flex>
  );
}

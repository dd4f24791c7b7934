import { Alert, Button, Flex, Select, Table, Typography, type Breakpoint } from 'antd';
import { useId, useState } from 'react';
import { type EvidenceKind, type EvidenceUploadAnswer, type EvidenceUploadRequest } from '../../api';
import { EVIDENCE_KINDS } from '../../reference/domain';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { formatInstant, useI18n } from '../../i18n';
import { describeApiError, labelledTable } from '../../kit';
import { useSessionUser } from '../underwriting/session';
import { currentLocation, EVIDENCE_ACCEPT, NotEvidenceFile, uploadEvidence, type UploadedEvidence } from './evidence-upload';
import { locationText, ShortSha } from './ServiceTags';

interface EvidenceUploaderProps {
  /** `POST …/evidence-uploads` on the service or the hazard the files belong to. */
  readonly requestTicket: (request: EvidenceUploadRequest, idempotencyKey: string) => Promise<EvidenceUploadAnswer>;
  readonly value: readonly UploadedEvidence[];
  readonly onChange: (next: readonly UploadedEvidence[]) => void;
  readonly label: string;
  readonly defaultKind?: EvidenceKind;
}

/**
 * SVC-13: evidence files, each hashed in the browser (SHA-256), uploaded straight to the write-once archive with
 * a one-time ticket, and described with who captured it (the signed-in user), when (the file's time) and where
 * (the device's position, when the user allows it). The record names them by upload id.
 */
/**
 * Below `md` (phones) the evidence table keeps the file name and its 操作: the fixed widths of the other
 * columns squeezed the name to nothing inside a 390 px dialog (issue 15, an enterprise rectifying on a phone).
 */
const PHONE_HIDDEN: Breakpoint[] = ['md'];

export function EvidenceUploader({ requestTicket, value, onChange, label, defaultKind = 'PHOTO' }: EvidenceUploaderProps) {
  const { t } = useI18n();
  const user = useSessionUser();
  const inputId = useId();
  const kindId = useId();
  const [kind, setKind] = useState<EvidenceKind>(defaultKind);
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });

  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setState({ busy: true });
    try {
      const location = await currentLocation();
      const uploaded: UploadedEvidence[] = [];
      for (const file of Array.from(files)) {
        uploaded.push(
          await uploadEvidence(file, kind, {
            requestTicket: (request) => requestTicket(request, newIdempotencyKey()),
            fetch: (input, init) => fetch(input, init),
            capturedBy: user?.displayName || user?.username || '',
            location,
          }),
        );
      }
      onChange([...value, ...uploaded]);
      setState({ busy: false });
    } catch (error) {
      const reason = error instanceof NotEvidenceFile ? t('svc.evidence.notEvidence', { name: error.fileName }) : describeApiError(error, t);
      setState({ busy: false, error: t('svc.evidence.failed', { reason }) });
    }
  };

  return (
    <Flex vertical gap={8} role="group" aria-label={label}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('svc.evidence.intro')}
      </Typography.Text>
      <Flex gap={8} wrap align="center">
        <label htmlFor={kindId}>{t('svc.evidence.kind')}</label>
        <Select<EvidenceKind>
          id={kindId}
          value={kind}
          onChange={setKind}
          style={{ width: 140 }}
          options={EVIDENCE_KINDS.map((option) => ({ value: option, label: t(`svc.evidence.kind.${option}`) }))}
        />
        <label htmlFor={inputId}>{t('svc.evidence.file')}</label>
        <input
          id={inputId}
          type="file"
          multiple
          disabled={state.busy}
          accept={EVIDENCE_ACCEPT}
          onChange={(event) => {
            const input = event.currentTarget;
            void onFiles(input.files).finally(() => {
              input.value = '';
            });
          }}
        />
        {state.busy && <Typography.Text type="secondary">{t('svc.evidence.uploading')}</Typography.Text>}
      </Flex>
      {state.error && <Alert type="error" showIcon title={state.error} role="alert" />}
      {value.length > 0 && (
        <Table<UploadedEvidence>
          size="small"
          pagination={false}
          rowKey={(evidence) => evidence.uploadId}
          dataSource={value as UploadedEvidence[]}
          components={{ table: labelledTable(label) }}
          columns={[
            { key: 'file', title: t('svc.evidence.fileName'), render: (_, evidence) => evidence.fileName },
            { key: 'kind', title: t('svc.evidence.kind'), width: 100, responsive: PHONE_HIDDEN, render: (_, evidence) => t(`svc.evidence.kind.${evidence.kind}`) },
            { key: 'capturedAt', title: t('svc.evidence.capturedAt'), width: 140, responsive: PHONE_HIDDEN, render: (_, evidence) => formatInstant(evidence.capturedAt) },
            {
              key: 'location',
              title: t('svc.evidence.location'),
              width: 150,
              responsive: PHONE_HIDDEN,
              render: (_, evidence) => locationText(evidence.location, t),
            },
            {
              key: 'sha256',
              title: t('svc.evidence.sha256'),
              ellipsis: true,
              responsive: PHONE_HIDDEN,
              render: (_, evidence) => <ShortSha sha256={evidence.sha256} />,
            },
            {
              key: 'remove',
              title: t('table.actions'),
              width: 70,
              render: (_, evidence) => (
                <Button size="small" type="link" onClick={() => onChange(value.filter((item) => item.uploadId !== evidence.uploadId))}>
                  {t('svc.evidence.remove')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}

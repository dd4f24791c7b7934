import { useMutation } from '@tanstack/react-query';
import { App, Button, Space, Typography } from 'antd';
import { useRef } from 'react';
import { idempotent, newIdempotencyKey, ok } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { describeApiError } from '../../kit';
import { contentTypeOf, EVIDENCE_ACCEPT, NotEvidenceFile, sha256Hex } from '../services/evidence-upload';

/**
 * SVC-10, REG-2 (issue 18): 上传外包合同 — the insurer uploads the outsourcing contract of a service a registered
 * third-party organisation delivers: the file's SHA-256 computed here, a ticket asked for, the bytes PUT straight
 * to the write-once archive, then archived into the enterprise's folder (外包服务合同), where it is listed and verified.
 */
export function OutsourcingContractUpload({ serviceId }: { readonly serviceId: string }) {
  const { t } = useI18n();
  const { client } = useApi();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const contentType = contentTypeOf(file);
      if (!contentType) throw new NotEvidenceFile(file.name);
      const bytes = await file.arrayBuffer();
      const sha256 = await sha256Hex(bytes);
      const answer = await ok(
        client.POST('/api/v1/services/{serviceId}/outsourcing-contract-uploads', {
          params: { path: { serviceId } },
          body: { fileName: file.name, contentType, size: file.size, sha256 },
          headers: idempotent(newIdempotencyKey()),
        }),
      );
      const put = await fetch(answer.ticket.url, { method: answer.ticket.method, headers: answer.ticket.headers, body: bytes });
      if (!put.ok) throw new Error(t('folder.contract.uploadFailed'));
      return ok(
        client.POST('/api/v1/services/{serviceId}/outsourcing-contracts', {
          params: { path: { serviceId } },
          body: { uploadId: answer.uploadId },
          headers: idempotent(newIdempotencyKey()),
        }),
      );
    },
    onSuccess: () => void message.success(t('folder.contract.done')),
    onError: (error) => void message.error(error instanceof NotEvidenceFile ? t('folder.contract.notAllowed') : describeApiError(error, t)),
  });
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('folder.contract.intro')}</Typography.Text>
      <input
        ref={input}
        type="file"
        accept={EVIDENCE_ACCEPT}
        hidden
        aria-label={t('folder.contract.upload')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) upload.mutate(file);
        }}
      />
      <Button loading={upload.isPending} onClick={() => input.current?.click()} data-testid="outsourcing-contract-upload">
        {t('folder.contract.upload')}
      </Button>
    </Space>
  );
}

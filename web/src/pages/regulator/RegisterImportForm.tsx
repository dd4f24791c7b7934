import { Alert, App, Button, Descriptions, Flex, Table, Tooltip, Typography } from 'antd';
import { useCallback, useId, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { newIdempotencyKey } from '../../api/idempotency-key';
import type { ImportRowProblem, RegisterImportResult } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { describeApiError, downloadFile, labelledTable, XLSX_MIME } from '../../kit';
import { registerHeaderOf } from '../../reference/domain';
import { REGISTER_TEMPLATE_FILE_NAME, registerTemplateXlsx } from './register-template';

/** A file as base64, read in the browser (no upload service: the API takes the file in the request body). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

const isRowProblem = (value: unknown): value is ImportRowProblem =>
  typeof value === 'object' && value !== null && typeof (value as ImportRowProblem).row === 'number' && typeof (value as ImportRowProblem).message === 'string';

/** The row-by-row report of a refused import, or undefined for any other failure. */
export function rowProblemsOf(error: unknown): readonly ImportRowProblem[] | undefined {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_REJECTED' || !Array.isArray(error.details)) return undefined;
  return (error.details as unknown[]).filter(isRowProblem);
}

type Outcome = { readonly kind: 'imported'; readonly result: RegisterImportResult } | { readonly kind: 'rejected'; readonly problems: readonly ImportRowProblem[]; readonly error: ApiError } | { readonly kind: 'failed'; readonly error: unknown };

/**
 * REG-1: a bulk upload of the register — an XLSX (first sheet) or a UTF-8 CSV with the columns of the import
 * template and of the register's export (Chinese headers and labels, or the code keys and codes:
 * domain/register/register-columns.ts), read in the browser and sent whole. Every row must be valid or nothing
 * is written: a refused file comes back with every problem, in Chinese, by row, column and rule, to fix in one
 * pass; an accepted one with its counts.
 */
export function RegisterImportForm({ onImported, onClose }: { readonly onImported: () => void; readonly onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [making, setMaking] = useState(false);
  const api = useApi();
  const inputId = useId();
  const hintId = useId();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const upload = useCallback(async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const contentBase64 = await readAsBase64(file);
      const result = await api.register.importEnterprises({ fileName: file.name, contentBase64 }, newIdempotencyKey());
      setOutcome({ kind: 'imported', result });
      onImported();
    } catch (error) {
      const problems = rowProblemsOf(error);
      setOutcome(problems && error instanceof ApiError ? { kind: 'rejected', problems, error } : { kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  }, [api, file, onImported]);

  const template = async () => {
    setMaking(true);
    try {
      downloadFile(REGISTER_TEMPLATE_FILE_NAME, await registerTemplateXlsx(), XLSX_MIME);
    } catch {
      void message.error(t('register.import.templateFailed'));
    } finally {
      setMaking(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }} id={hintId}>
        {t('register.import.hint')}
      </Typography.Paragraph>
      <Flex gap={8} align="center" wrap>
        {/* A native file input (keyboard and screen-reader friendly), dressed as the console's buttons. */}
        <input
          id={inputId}
          className="anze-visually-hidden anze-file-input"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={hintId}
          onChange={(event) => {
            setFile(event.target.files?.[0]);
            setOutcome(undefined);
          }}
        />
        <label htmlFor={inputId} className="anze-file-button">
          {t('register.import.file')}
        </label>
        <Typography.Text type={file ? undefined : 'secondary'}>{file ? file.name : t('register.import.noFile')}</Typography.Text>
        <Button type="link" onClick={() => void template()} loading={making}>
          {t('register.import.template')}
        </Button>
      </Flex>
      {outcome?.kind === 'imported' && (
        <Alert
          type="success"
          showIcon
          role="status"
          data-testid="import-result"
          title={t('register.import.done', { count: outcome.result.imported })}
          description={
            <Descriptions
              size="small"
              column={3}
              items={[
                { key: 'created', label: t('register.import.created'), children: outcome.result.created },
                { key: 'updated', label: t('register.import.updated'), children: outcome.result.updated },
                { key: 'unchanged', label: t('register.import.unchanged'), children: outcome.result.unchanged },
              ]}
            />
          }
        />
      )}
      {outcome?.kind === 'rejected' && (
        <>
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('register.import.rejected', { problems: outcome.problems.length, rows: new Set(outcome.problems.map((problem) => problem.row)).size })}
            description={outcome.error.status === 403 ? t('register.import.rejectedScope') : t('register.import.nothingWritten')}
          />
          <Table<ImportRowProblem>
            size="small"
            bordered
            pagination={outcome.problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            rowKey={(problem) => `${problem.row}-${problem.field}-${problem.message}`}
            dataSource={[...outcome.problems]}
            components={{ table: labelledTable(t('register.import.report')) }}
            columns={[
              { key: 'row', title: t('register.import.row'), dataIndex: 'row', width: 60 },
              // The column by its Chinese header, as the file and the template name it (issue 15).
              { key: 'field', title: t('register.import.field'), dataIndex: 'field', width: 140, render: (field: string | undefined) => (field ? registerHeaderOf(field) : '') },
              {
                key: 'message',
                title: t('register.import.problem'),
                // The message names row, column and rule already; the rule id stays at hand for staff who look it up.
                render: (_: unknown, problem: ImportRowProblem) => (
                  <Tooltip title={problem.rule ? `${t('register.import.rule')}：${problem.rule}` : undefined}>
                    <span style={{ overflowWrap: 'anywhere' }} data-rule={problem.rule}>
                      {problem.message}
                    </span>
                  </Tooltip>
                ),
              },
            ]}
          />
        </>
      )}
      {outcome?.kind === 'failed' && <Alert type="error" showIcon role="alert" title={t('register.import.failed')} description={describeApiError(outcome.error, t)} />}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('register.import.close')}</Button>
        <Button type="primary" onClick={() => void upload()} disabled={!file} loading={busy}>
          {t('register.import.submit')}
        </Button>
      </Flex>
    </Flex>
  );
}

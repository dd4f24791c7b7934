import { App, Button, Modal, Progress, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { Page } from '../api';
import { fileStamp } from '../i18n/format';
import { useI18n } from '../i18n/useI18n';
import type { DataTablePageRequest } from './DataTable';
import { describeApiError } from './describeApiError';
import type { FilterValues } from './useUrlFilters';
import { downloadXlsx, fetchAllRows, xlsxOf, type ExportColumn } from './xlsx-export';

export interface ExportButtonProps<Row> {
  /** The same page loader the table uses: the export asks the same API with the same filters. */
  readonly fetchPage: (request: DataTablePageRequest, signal: AbortSignal) => Promise<Page<Row>>;
  readonly filters: FilterValues;
  readonly columns: readonly ExportColumn<Row>[];
  /** The file's base name (a date and time stamp and `.xlsx` are added) and the sheet's name. */
  readonly fileName: string;
  readonly sheetName: string;
  readonly disabled?: boolean;
}

type Progressing = { readonly read: number; readonly total: number | undefined };

/**
 * Issue 15: 导出 XLSX — every row matching the list's filters, not the page on screen. The browser follows the
 * API's cursors at 100 rows a request, showing how far it got (a dialog that can cancel it), then writes the
 * workbook (xlsx-export.ts) and downloads it.
 */
export function ExportButton<Row>({ fetchPage, filters, columns, fileName, sheetName, disabled }: ExportButtonProps<Row>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<Progressing>();
  const running = useRef<AbortController>(undefined);

  const cancel = useCallback(() => running.current?.abort(), []);

  const start = useCallback(async () => {
    const controller = new AbortController();
    running.current = controller;
    setProgress({ read: 0, total: undefined });
    try {
      const rows = await fetchAllRows(fetchPage, filters, controller.signal, (read, total) => setProgress({ read, total }));
      const bytes = await xlsxOf(sheetName, columns, rows, t('table.exportTotalRow'));
      if (controller.signal.aborted) return;
      downloadXlsx(`${fileName}-${fileStamp()}.xlsx`, bytes);
      void message.success(t('table.exported', { count: rows.length }));
    } catch (error) {
      if (!controller.signal.aborted) void message.error(`${t('table.exportFailed')}${describeApiError(error, t)}`);
    } finally {
      running.current = undefined;
      setProgress(undefined);
    }
  }, [fetchPage, filters, columns, fileName, sheetName, message, t]);

  const percent = progress?.total ? Math.min(100, Math.floor((progress.read / progress.total) * 100)) : 0;
  return (
    <>
      <Button onClick={() => void start()} disabled={disabled || progress !== undefined} loading={progress !== undefined}>
        {t('table.exportXlsx')}
      </Button>
      <Modal
        open={progress !== undefined}
        title={t('table.exporting')}
        closable={false}
        maskClosable={false}
        footer={<Button onClick={cancel}>{t('table.exportCancel')}</Button>}
      >
        <Progress percent={percent} status="active" aria-label={t('table.exporting')} />
        <Typography.Text type="secondary" aria-live="polite">
          {progress?.total === undefined
            ? t('table.exportRead', { read: progress?.read ?? 0 })
            : t('table.exportReadOf', { read: progress.read, total: progress.total })}
        </Typography.Text>
      </Modal>
    </>
  );
}

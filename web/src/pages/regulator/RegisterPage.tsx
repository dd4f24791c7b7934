import { useInvalidate } from '../../kit/useInvalidate';
import { queryKeys } from '../../api/query-keys';
import { App, Button, Modal, Typography } from 'antd';
import { asAreaCode } from '../../reference/xinzhou-counties';
import { useCallback, useMemo, useState } from 'react';
import type { Industry, RegisterEntry } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { formatWhole, useI18n } from '../../i18n';
import { DataTable, dateTimeColumn, PageHeading, type DataColumn, type DataTablePageRequest, type ExportColumn, type FilterField } from '../../kit';
import { REGISTER_FILE_COLUMNS } from '../../reference/domain';
import { INDUSTRIES, industryName } from '../../reference/underwriting';
import { countyName, XINZHOU_COUNTIES } from '../../reference/xinzhou-counties';
import { useSessionUser } from '../underwriting/session';
import { RegisterEntryForm } from './RegisterEntryForm';
import { RegisterImportForm } from './RegisterImportForm';

/**
 * REG-1 (issue 15): the export writes the import template's columns (register-columns.ts: Chinese headers,
 * labels for industry, county and size), so an exported file imports again as it is.
 */
const REGISTER_EXPORT_COLUMNS: readonly ExportColumn<RegisterEntry>[] = REGISTER_FILE_COLUMNS.map((column) => ({
  title: column.header,
  value: column.cellOf,
  width: column.width,
  text: column.key === 'uscc',
}));

type Dialog = { readonly kind: 'add' } | { readonly kind: 'edit'; readonly entry: RegisterEntry } | { readonly kind: 'import' } | undefined;

/**
 * 企业底数 (REG-1): the register of high-risk enterprises the coverage gap (UW-11) is computed against, by
 * county and industry. The city EMB keeps every county's, a county EMB its own county's only (ACL-4: no county
 * filter, and its county fixed in the form); the NFRA reads it. One entry at a time, or a whole file.
 */
export function RegisterPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const user = useSessionUser();
  const countyEmb = user?.agency === 'EMB_COUNTY';
  const writes = user?.agency === 'EMB_CITY' || countyEmb;
  const [dialog, setDialog] = useState<Dialog>();
  const reload = useInvalidate('register');

  const filters = useMemo<FilterField[]>(
    () => [
      // Issue 15: a USCC (one entry, by key) or part of a name, searched by the API across the whole register.
      { kind: 'text', name: 'q', label: t('table.q'), placeholder: t('table.qEnterprise') },
      ...(countyEmb
        ? []
        : [{ kind: 'select' as const, name: 'county', label: t('register.county'), options: XINZHOU_COUNTIES.map((county) => ({ value: county.code, label: countyName(county.code, locale) })) }]),
      { kind: 'select', name: 'industry', label: t('register.industry'), options: INDUSTRIES.map((industry) => ({ value: industry.code, label: industryName(industry.code, locale) })) },
    ],
    [t, locale, countyEmb],
  );

  const columns = useMemo<DataColumn<RegisterEntry>[]>(
    () => [
      { key: 'uscc', title: t('register.uscc'), width: 180, value: (entry) => entry.uscc, render: (entry) => <span style={{ fontFamily: 'monospace' }}>{entry.uscc}</span> },
      { key: 'name', title: t('register.name'), value: (entry) => entry.name },
      { key: 'industry', title: t('register.industry'), width: 130, value: (entry) => industryName(entry.industry, locale) },
      { key: 'county', title: t('register.county'), width: 100, value: (entry) => countyName(entry.county, locale) },
      { key: 'staff', title: t('register.staff'), width: 90, align: 'right', value: (entry) => entry.staff, render: (entry) => formatWhole(entry.staff) },
      // Separators on screen (issue 15); the export keeps the plain number.
      { key: 'revenue', title: t('register.revenueWan'), width: 110, align: 'right', value: (entry) => entry.revenueWan, render: (entry) => formatWhole(entry.revenueWan) },
      {
        key: 'size',
        title: t('register.size'),
        width: 90,
        value: (entry) => t(`size.${entry.size}`),
        render: (entry) => (
          <span title={entry.sizeOverrideReason}>
            {t(`size.${entry.size}`)}
            {entry.sizeOverrideReason && <Typography.Text type="secondary">{t('register.sizeOverridden')}</Typography.Text>}
          </span>
        ),
      },
      dateTimeColumn<RegisterEntry>('updatedAt', t('register.updatedAt'), (entry) => entry.updatedAt),
      ...(writes
        ? [
            {
              key: 'actions',
              title: t('table.actions'),
              width: 70,
              csv: false as const,
              render: (entry: RegisterEntry) => (
                <Button size="small" type="link" onClick={() => setDialog({ kind: 'edit', entry })} aria-label={t('register.editOne', { name: entry.name })}>
                  {t('register.edit')}
                </Button>
              ),
            },
          ]
        : []),
    ],
    [t, locale, writes],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.register.listEnterprises(
        {
          cursor,
          limit,
          county: countyEmb ? undefined : asAreaCode(values.county),
          industry: (values.industry || undefined) as Industry | undefined,
          q: values.q?.trim() || undefined,
        },
        signal,
      ),
    [api, countyEmb],
  );

  const saved = useCallback(
    (entry: RegisterEntry) => {
      setDialog(undefined);
      void message.success(t('register.saved', { name: entry.name }));
      reload();
    },
    [message, reload, t],
  );

  return (
    <>
      <PageHeading title={t('register.title')} />
      <Typography.Paragraph type="secondary">
        {countyEmb ? t('register.introCounty', { county: countyName(user?.county, locale) }) : writes ? t('register.intro') : t('register.introReadOnly')}
      </Typography.Paragraph>
      <DataTable<RegisterEntry>
queryKey={[...queryKeys.register, '/api/v1/regulator/enterprises']}         caption={t('register.title')}
        columns={columns}
        rowKey={(entry) => entry.uscc}
        fetchPage={fetchPage}
        filters={filters}
        exportName="企业底数"
        exportColumns={REGISTER_EXPORT_COLUMNS}
        toolbar={
          writes && (
            <>
              <Button onClick={() => setDialog({ kind: 'import' })}>{t('register.import.title')}</Button>
              <Button type="primary" onClick={() => setDialog({ kind: 'add' })}>
                {t('register.add')}
              </Button>
            </>
          )
        }
      />
      <Modal
        open={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        title={dialog?.kind === 'edit' ? t('register.editTitle') : t('register.addTitle')}
        footer={null}
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
        width={640}
      >
        <RegisterEntryForm
          entry={dialog?.kind === 'edit' ? dialog.entry : undefined}
          lockedCounty={countyEmb ? user?.county : undefined}
          onSaved={saved}
          onCancel={() => setDialog(undefined)}
        />
      </Modal>
      <Modal open={dialog?.kind === 'import'} title={t('register.import.title')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden width={860}>
        <RegisterImportForm onImported={reload} onClose={() => setDialog(undefined)} />
      </Modal>
    </>
  );
}

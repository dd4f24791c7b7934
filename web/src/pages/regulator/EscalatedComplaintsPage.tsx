import { queryKeys } from '../../api/query-keys';
import { Button, Drawer, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { type EscalatedComplaint as Complaint, type EscalationTarget } from '../../api';
import { ESCALATION_TARGETS } from '../../reference/domain';
import { useApi, useAuth } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../i18n/format';
import { DataTable, DateTime, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { asAreaCode, countyName, XINZHOU_COUNTIES } from '../../reference/xinzhou-counties';
import { ComplaintDetail } from '../complaints/ComplaintDetail';
import { ComplaintReplyView } from '../complaints/ComplaintReplyView';
import { DueDateBadge } from '../complaints/DueDateBadge';
import { shanghaiToday } from '../complaints/due-dates';
import { EnterpriseName } from '../../kit/EnterpriseName';

/**
 * 投诉督办 (CMP-6, ACL-2, ACL-4): complaints their complainants took to a regulator, across insurers,
 * read-only. A county EMB sees its county only (the API enforces it), so only the city EMB and the NFRA
 * get the county filter.
 */
export function EscalatedComplaintsPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { state } = useAuth();
  const agency = state.status === 'signed-out' ? undefined : state.session.user.agency;
  const countyWide = agency !== 'EMB_COUNTY';
  const [shown, setShown] = useState<Complaint>();
  const today = shanghaiToday();

  const filters = useMemo<FilterField[]>(
    () => [
      ...(countyWide
        ? [
            {
              kind: 'select' as const,
              name: 'county',
              label: t('complaint.filter.county'),
              options: XINZHOU_COUNTIES.map((county) => ({ value: county.code, label: countyName(county.code, locale) })),
            },
          ]
        : []),
      {
        kind: 'select',
        name: 'to',
        label: t('complaint.filter.to'),
        options: ESCALATION_TARGETS.map((value) => ({ value, label: t(`complaint.targetOption.${value}`) })),
      },
    ],
    [t, locale, countyWide],
  );

  const columns = useMemo<DataColumn<Complaint>[]>(
    () => [
      {
        key: 'escalatedAt',
        title: t('complaint.escalate.at'),
        width: 140,
        render: (complaint) => <DateTime value={complaint.escalation?.at} />,
        csv: (complaint) => formatInstant(complaint.escalation?.at),
      },
      {
        key: 'to',
        title: t('complaint.escalate.to'),
        width: 120,
        value: (complaint) => (complaint.escalation ? t(`complaint.targetOption.${complaint.escalation.to}`) : ''),
      },
      { key: 'county', title: t('complaint.county'), width: 90, value: (complaint) => countyName(complaint.county, locale) },
      {
        key: 'enterprise',
        title: t('complaint.enterprise'),
        width: 240,
        value: (complaint) => complaint.enterpriseUscc,
        render: (complaint) => <EnterpriseName uscc={complaint.enterpriseUscc} />,
      },
      {
        key: 'insurer',
        title: t('complaint.insurer'),
        width: 150,
        ellipsis: true,
        // Issue 15: the insurer by its name; its id stays in the tooltip for a call to the platform.
        value: (complaint) => complaint.insurerName,
        render: (complaint) => <span title={complaint.tenantId}>{complaint.insurerName}</span>,
      },
      {
        key: 'request',
        title: t('complaint.request'),
        ellipsis: true,
        value: (complaint) => complaint.request,
        render: (complaint) => (
          <Typography.Link onClick={() => setShown(complaint)} title={complaint.request}>
            {complaint.request}
          </Typography.Link>
        ),
      },
      {
        key: 'due',
        title: t('complaint.due.column'),
        width: 250,
        value: (complaint) => complaint.deadlines.binding.dueOn,
        render: (complaint) => <DueDateBadge complaint={complaint} today={today} />,
      },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 70,
        csv: false,
        render: (complaint) => (
          <Button size="small" type="link" onClick={() => setShown(complaint)}>
            {t('complaint.view')}
          </Button>
        ),
      },
    ],
    [t, locale, today],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.regulator.listEscalatedComplaints(
        {
          cursor,
          limit,
          county: countyWide ? asAreaCode(values.county) : undefined,
          to: (values.to || undefined) as EscalationTarget | undefined,
        },
        signal,
      ),
    [api, countyWide],
  );

  return (
    <>
      <PageHeading title={t('complaint.supervision.title')} />
      <Typography.Paragraph type="secondary">{t('complaint.supervision.intro')}</Typography.Paragraph>
      <DataTable<Complaint>
queryKey={[...queryKeys.complaints, '/api/v1/regulator/complaints']}         caption={t('complaint.supervision.title')}
        columns={columns}
        rowKey={(complaint) => complaint.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="escalated-complaints"
      />
      <Drawer open={Boolean(shown)} title={t('complaint.detailTitle')} size={720} onClose={() => setShown(undefined)} destroyOnHidden>
        {shown && (
          <ComplaintDetail
            narrow
            escalationFirst
            complaint={shown}
            today={today}
            insurer={shown.insurerName}
            reply={shown.reply ? <ComplaintReplyView reply={shown.reply} /> : <Typography.Text type="secondary">{t('complaint.reply.none')}</Typography.Text>}
          />
        )}
      </Drawer>
    </>
  );
}

import { Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, type TableHTMLAttributes } from 'react';
import type { Complaint, ComplaintClock } from '../../api';
import { useI18n } from '../../i18n';
import { DueDateBadge, ProvisionalMark } from './DueDateBadge';

interface ClockRow {
  readonly clock: ComplaintClock;
  readonly dueOn?: string;
  readonly provisional: boolean;
  readonly basis?: string;
  readonly binding: boolean;
}

/**
 * Both clocks of CMP-8 with the rule each rests on (CMP-2/3/4 for working days, CMP-8 for the NFRA's
 * calendar days), the binding one marked, above the badge the lists show.
 */
export function ComplaintDeadlines({ complaint, today }: { readonly complaint: Complaint; readonly today: string }) {
  const { t } = useI18n();
  const { workingDay, nfra, binding } = complaint.deadlines;
  const rows: ClockRow[] = [
    {
      clock: 'WORKING_DAY',
      dueOn: workingDay?.dueOn,
      provisional: workingDay?.provisional ?? false,
      basis: workingDay && t(`complaint.basis.${workingDay.basis}`, { days: complaint.extension?.days ?? 0 }),
      binding: binding.clock === 'WORKING_DAY',
    },
    {
      clock: 'NFRA',
      dueOn: nfra?.dueOn,
      provisional: nfra?.provisional ?? false,
      basis: nfra && t('complaint.basis.CMP-8'),
      binding: binding.clock === 'NFRA',
    },
  ];
  const columns: ColumnsType<ClockRow> = [
    {
      key: 'clock',
      title: t('complaint.due.clock'),
      width: 190,
      render: (_, row) => (
        <Flex gap={6} align="center" wrap>
          <span>{t(`complaint.clock.${row.clock}`)}</span>
          {row.binding && (
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {t('complaint.due.binding')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'dueOn',
      title: t('complaint.due.dueOn'),
      width: 170,
      render: (_, row) =>
        row.dueOn ? (
          <Flex gap={6} align="center">
            <span style={{ fontVariantNumeric: 'tabular-nums', fontWeight: row.binding ? 600 : undefined }}>{row.dueOn}</span>
            {row.provisional && <ProvisionalMark />}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('complaint.due.off')}</Typography.Text>
        ),
    },
    { key: 'basis', title: t('complaint.due.basis'), render: (_, row) => row.basis ?? '' },
  ];
  const provisional = rows.some((row) => row.provisional);
  const caption = t('complaint.section.deadlines');
  const TableElement = useCallback((props: TableHTMLAttributes<HTMLTableElement>) => <table {...props} aria-label={caption} />, [caption]);
  return (
    <Flex vertical gap={8}>
      <DueDateBadge complaint={complaint} today={today} />
      <Table<ClockRow>
        rowKey="clock"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={rows}
        components={{ table: TableElement }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('complaint.due.intro')}
        {provisional && ` ${t('complaint.due.provisionalHint')}`}
      </Typography.Text>
    </Flex>
  );
}

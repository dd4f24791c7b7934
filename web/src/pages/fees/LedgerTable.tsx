import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import type { LedgerEntry } from '../../api';
import { useI18n } from '../../i18n';
import { Money, labelledTable } from '../../kit';
import { useColleagueNames } from '../../kit/useColleagueNames';
import { balanceChange, reversedIds, runningBalances } from './fee-ledger';

interface LedgerTableProps {
  readonly entries: readonly LedgerEntry[] | undefined;
  readonly loading: boolean;
  readonly canReverse: boolean;
  readonly onReverse: (entry: LedgerEntry) => void;
  readonly year: number;
  /** Issue 14: the regulators' read-only view — no 操作 column at all (a reversal is never theirs). */
  readonly readOnly?: boolean;
}

/** The ledger (台账, FEE-5) in sequence order with its running balance; admins reverse entries not yet reversed. */
export function LedgerTable({ entries, loading, canReverse, onReverse, year, readOnly = false }: LedgerTableProps) {
  const { t } = useI18n();
  const colleagues = useColleagueNames();
  const balances = useMemo(() => runningBalances(entries ?? []), [entries]);
  const reversed = useMemo(() => reversedIds(entries ?? []), [entries]);
  const rows = useMemo(() => [...(entries ?? [])].sort((a, b) => a.sequence - b.sequence), [entries]);

  const columns = useMemo<ColumnsType<LedgerEntry>>(
    () => [
      { key: 'sequence', title: t('fee.col.sequence'), width: 64, align: 'right', render: (_, entry) => entry.sequence },
      { key: 'date', title: t('fee.col.date'), width: 104, render: (_, entry) => entry.date },
      {
        key: 'kind',
        title: t('fee.col.kind'),
        width: 96,
        render: (_, entry) => (
          <Tag color={entry.kind === 'ACCRUAL' ? 'blue' : entry.kind === 'EXPENSE' ? 'orange' : 'default'}>{t(`fee.kind.${entry.kind}`)}</Tag>
        ),
      },
      {
        key: 'category',
        title: t('fee.col.category'),
        width: 150,
        render: (_, entry) =>
          entry.kind === 'EXPENSE'
            ? t(`fee.category.${entry.category}`)
            : entry.kind === 'REVERSAL' && entry.reverses.category
              ? t(`fee.category.${entry.reverses.category}`)
              : entry.kind === 'ACCRUAL'
                ? t('fee.col.accrualRate', { rate: entry.accrualBasisPoints / 100 })
                : null,
      },
      {
        key: 'amount',
        title: t('fee.col.amount'),
        width: 150,
        align: 'right',
        render: (_, entry) => {
          const change = balanceChange(entry);
          const text = <Money fen={change} />;
          if (reversed.has(entry.id)) {
            return (
              <Tooltip title={t('fee.reversedMark')}>
                <del data-reversed="true">{text}</del>
              </Tooltip>
            );
          }
          return <Typography.Text type={change < 0 ? 'danger' : undefined}>{text}</Typography.Text>;
        },
      },
      {
        key: 'description',
        title: t('fee.col.description'),
        render: (_, entry) => <EntryDescription entry={entry} />,
      },
      {
        key: 'by',
        title: t('fee.col.by'),
        width: 120,
        // Issue 15: the API gives the user id; the insurer's own people are named from its user names, and a
        // regulator reading the ledger sees 保险机构经办人 with the id in a tooltip, never a bare id.
        render: (_, entry) => {
          const name = colleagues.nameOf(entry.recordedBy);
          if (name) return name;
          return (
            <Tooltip title={entry.recordedBy}>
              <Typography.Text type="secondary">{t('fee.by.insurerStaff')}</Typography.Text>
            </Tooltip>
          );
        },
      },
      {
        key: 'balance',
        title: t('fee.col.balance'),
        width: 150,
        align: 'right',
        render: (_, entry) => {
          const balance = balances.get(entry.id) ?? 0;
          return (
            <Typography.Text type={balance < 0 ? 'danger' : undefined} data-testid={`balance-${entry.sequence}`}>
              <Money fen={balance} />
            </Typography.Text>
          );
        },
      },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 88,
        // Stays in view while the ledger scrolls sideways on a phone (issue 15).
        fixed: 'right',
        render: (_, entry) =>
          entry.kind === 'REVERSAL' || reversed.has(entry.id) ? null : canReverse ? (
            <Button size="small" onClick={() => onReverse(entry)}>
              {t('fee.reverse.action')}
            </Button>
          ) : (
            <Tooltip title={t('fee.reverse.adminOnly')}>
              <Button size="small" disabled>
                {t('fee.reverse.action')}
              </Button>
            </Tooltip>
          ),
      },
    ],
    [t, balances, reversed, canReverse, onReverse, colleagues],
  );
  const shown = useMemo(() => (readOnly ? columns.filter((column) => column.key !== 'actions') : columns), [columns, readOnly]);

  return (
    <Table<LedgerEntry>
      components={{ table: labelledTable(t('fee.ledger.caption')) }}
      size="small"
      rowKey={(entry) => entry.id}
      columns={shown}
      dataSource={rows}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('fee.ledger.empty', { year }) }}
      scroll={{ x: 1000 }}
    />
  );
}

function EntryDescription({ entry }: { readonly entry: LedgerEntry }) {
  const { t } = useI18n();
  switch (entry.kind) {
    case 'ACCRUAL':
      return (
        <span>
          {t('fee.desc.accrual', { policy: entry.policyNumber })} <Money fen={entry.receivedFen} /> · {t('fee.premiumExTax')}{' '}
          <Money fen={entry.premiumExTaxFen} />
        </span>
      );
    case 'EXPENSE':
      return (
        <span>
          {entry.description}
          {entry.advance && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {t('fee.advance')}
            </Tag>
          )}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {entry.serviceId ? t('fee.desc.service', { id: entry.serviceId }) : entry.document ? t('fee.desc.document', { name: entry.document.name, id: entry.document.archiveId }) : null}
          </Typography.Text>
        </span>
      );
    case 'REVERSAL':
      return (
        <span>
          {t('fee.desc.reversal', { sequence: entry.reverses.sequence, on: entry.reversedOn })}
          {entry.reason}
        </span>
      );
  }
}

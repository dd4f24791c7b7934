import { Button, Flex, Select, Typography } from 'antd';
import { useId } from 'react';
import { formatWhole } from '../i18n/format';
import { useI18n } from '../i18n/useI18n';

interface CursorPagerProps {
  readonly pageIndex: number;
  readonly rowCount: number;
  /** The rows matching the filters, when the API counted them. */
  readonly total?: number;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
  readonly onPrevious: () => void;
  readonly onNext: () => void;
  readonly pageSize: number;
  readonly pageSizes: readonly number[];
  readonly onPageSizeChange: (size: number) => void;
}

/** The number of rows matching the filters, previous / next over cursors, the page number and a page-size choice. */
export function CursorPager(props: CursorPagerProps) {
  const { t } = useI18n();
  const sizeLabelId = useId();
  return (
    <nav aria-label={t('table.pagination')}>
      <Flex justify="flex-end" align="center" gap={8} wrap style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" aria-live="polite">
          {props.total !== undefined && <span data-testid="table-total">{t('table.total', { count: formatWhole(props.total) })} · </span>}
          {t('table.page', { page: props.pageIndex + 1 })} · {t('table.rowsOnPage', { count: props.rowCount })}
        </Typography.Text>
        <Button onClick={props.onPrevious} disabled={!props.hasPrevious}>
          {t('table.previous')}
        </Button>
        <Button onClick={props.onNext} disabled={!props.hasNext}>
          {t('table.next')}
        </Button>
        <span id={sizeLabelId} className="anze-visually-hidden">
          {t('table.pageSize')}
        </span>
        <Select
          aria-labelledby={sizeLabelId}
          value={props.pageSize}
          onChange={props.onPageSizeChange}
          style={{ width: 110 }}
          options={props.pageSizes.map((size) => ({ value: size, label: t('table.pageSizeOption', { size }) }))}
        />
      </Flex>
    </nav>
  );
}

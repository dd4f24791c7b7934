import { Alert, Button, Skeleton } from 'antd';
import { useI18n } from '../i18n';
import { describeApiError } from './describeApiError';

/**
 * What a detail page shows before its record is there: the load's error with a retry, or a skeleton while
 * it loads.
 * @example if (!policy) return <><PageHeading title={…} extra={back} /><QueryFallback query={query} onRetry={reload} /></>;
 */
export function QueryFallback({ query, onRetry }: { readonly query: { readonly error: unknown; readonly isFetching: boolean }; readonly onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <>
      {Boolean(query.error) && (
        <Alert
          type="error"
          showIcon
          title={describeApiError(query.error, t)}
          action={
            <Button size="small" onClick={onRetry}>
              {t('table.retry')}
            </Button>
          }
        />
      )}
      {query.isFetching && <Skeleton active />}
    </>
  );
}

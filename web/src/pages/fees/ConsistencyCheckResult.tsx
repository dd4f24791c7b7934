import { Alert } from 'antd';
import type { ConsistencyReport } from '../../api';
import { useI18n } from '../../i18n';

/** The answer of the ledger's consistency check: stored totals against the ones recomputed from the entries. */
export function CheckResult({ report, error, onClose }: { readonly report?: ConsistencyReport; readonly error?: string; readonly onClose: () => void }) {
  const { t } = useI18n();
  if (error || !report) return <Alert type="error" showIcon closable={{ onClose }} title={error} style={{ marginBottom: 12 }} />;
  return (
    <Alert
      data-testid="fee-check"
      type={report.consistent ? 'success' : 'error'}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      title={report.consistent ? t('fee.check.ok', { entries: report.entriesRead }) : t('fee.check.bad', { entries: report.entriesRead })}
      description={
        report.consistent ? undefined : (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {report.differences.map((difference) => (
              <li key={difference.field}>
                {t('fee.check.difference', { field: difference.field, stored: difference.stored, recomputed: difference.recomputed })}
              </li>
            ))}
            {report.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )
      }
    />
  );
}

import { Alert, Typography } from 'antd';
import type { ConsistencyReport } from '../../api';
import { useI18n } from '../../i18n';
import { differenceText } from './consistency-text';

/**
 * The answer of the ledger's consistency check (FEE-2): stored totals against the ones recomputed from the
 * entries, each total named in Chinese with amounts as money (issue 15: the field codes and raw fen were shown).
 * The entries' own problems are the server's technical sentences, for the operator who investigates: the user
 * reads how many there are, and the details are folded away.
 */
export function CheckResult({ report, error, onClose }: { readonly report?: ConsistencyReport; readonly error?: string; readonly onClose: () => void }) {
  const { t, messages } = useI18n();
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
          <>
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {report.differences.map((difference) => (
                <li key={difference.field}>{differenceText(difference, t, messages)}</li>
              ))}
              {report.problems.length > 0 && <li>{t('fee.check.problems', { count: report.problems.length })}</li>}
            </ul>
            {report.problems.length > 0 && (
              <details>
                <summary>{t('fee.check.details')}</summary>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} lang="en">
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {report.problems.map((problem) => (
                      <li key={problem}>{problem}</li>
                    ))}
                  </ul>
                </Typography.Text>
              </details>
            )}
          </>
        )
      }
    />
  );
}

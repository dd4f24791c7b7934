import { Tag, Timeline, Typography } from 'antd';
import type { AlarmSeverity, AlarmStatus, MonitoringAlarm } from '../../api/monitoring-api';
import { formatInstant, useI18n } from '../../i18n';
import { SEVERITY_COLOURS, STATUS_COLOURS, historyText, severityText, statusText } from './alarm-text';

export function AlarmSeverityTag({ severity }: { readonly severity: AlarmSeverity }) {
  const { t } = useI18n();
  return <Tag color={SEVERITY_COLOURS[severity]}>{severityText(t, severity)}</Tag>;
}

export function AlarmStatusTag({ status }: { readonly status: AlarmStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOURS[status]}>{statusText(t, status)}</Tag>;
}

/**
 * MON-2: what was done to the alarm, when, by whom and why. `nameOf` names the insurer's own users (the enterprise
 * reads the record without the insurer's internal user ids); the source's own readings say 数据源.
 */
export function AlarmHistory({ alarm, nameOf }: { readonly alarm: MonitoringAlarm; readonly nameOf?: (userId: string) => string | undefined }) {
  const { t } = useI18n();
  if (alarm.history.length === 0) return <Typography.Text type="secondary">{t('mon.history.empty')}</Typography.Text>;
  const who = (by: string) => (by.startsWith('source:') ? t('mon.history.bySource') : nameOf?.(by));
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={alarm.history.map((entry, index) => {
        const by = who(entry.by);
        return {
          key: index,
          content: (
            <span>
              {formatInstant(entry.at)} · {historyText(t, entry.action)}
              {by ? `（${by}）` : ''}
              {entry.reason ? `：${entry.reason}` : ''}
            </span>
          ),
        };
      })}
    />
  );
}

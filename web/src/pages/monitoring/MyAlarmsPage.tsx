import { Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import type { AlarmStatus, MyAlarm } from '../../api/monitoring-api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, PageHeading, dateTimeColumn, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { ALARM_STATUSES, peakText } from './alarm-board';
import { kindText, severityText, statusText } from './alarm-text';
import { AlarmSeverityTag, AlarmStatusTag } from './AlarmTags';

/**
 * 监测报警 (MON-2, ACL-5): the enterprise's own mine's alarms and how its insurer handles them — read-only; the
 * enterprise is warned of each at once by notification, and acts on the mine under its own emergency plan.
 */
export function MyAlarmsPage() {
  const { t } = useI18n();
  const api = useApi();
  const filters = useMemo<FilterField[]>(
    () => [{ kind: 'select', name: 'status', label: t('mon.field.status'), options: ALARM_STATUSES.map((value) => ({ value, label: statusText(t, value) })) }],
    [t],
  );
  const columns = useMemo<DataColumn<MyAlarm>[]>(
    () => [
      dateTimeColumn<MyAlarm>('openedAt', t('mon.field.openedAt'), (alarm) => alarm.openedAt),
      { key: 'severity', title: t('mon.field.severity'), width: 80, value: (alarm) => severityText(t, alarm.severity), render: (alarm) => <AlarmSeverityTag severity={alarm.severity} /> },
      { key: 'kind', title: t('mon.field.kind'), width: 130, value: (alarm) => kindText(t, alarm.kind) },
      { key: 'peak', title: t('mon.field.peak'), width: 110, value: (alarm) => peakText(alarm) },
      { key: 'sensor', title: t('mon.field.sensor'), width: 120, value: (alarm) => alarm.sensorId },
      dateTimeColumn<MyAlarm>('lastAt', t('mon.field.lastAt'), (alarm) => alarm.lastAt),
      { key: 'readings', title: t('mon.field.readings'), width: 90, value: (alarm) => alarm.readings },
      { key: 'status', title: t('mon.field.status'), width: 90, value: (alarm) => statusText(t, alarm.status), render: (alarm) => <AlarmStatusTag status={alarm.status} /> },
    ],
    [t],
  );
  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.monitoring.myAlarms({ cursor, limit, status: (values.status || undefined) as AlarmStatus | undefined }, signal),
    [api],
  );
  return (
    <>
      <PageHeading title={t('mon.my.title')} />
      <Typography.Paragraph type="secondary">{t('mon.my.intro')}</Typography.Paragraph>
      <DataTable<MyAlarm>
        queryKey={[...queryKeys.monitoring, '/api/v1/my/alarms']}
        caption={t('mon.my.title')}
        columns={columns}
        rowKey={(alarm) => alarm.id}
        fetchPage={fetchPage}
        filters={filters}
      />
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Form, Input, Modal, Segmented, Select, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey } from '../../api';
import type { AlarmSeverity, MonitoringAlarm } from '../../api/monitoring-api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { TIME_ZONE, formatInstant, useI18n } from '../../i18n';
import { useColleagueNames } from '../../kit/useColleagueNames';
import { DataTable, FormFailureAlert, PageHeading, dateTimeColumn, describeApiError, useInvalidate, type DataColumn, type DataTablePageRequest } from '../../kit';
import { ACTIVE_STATUSES, SEVERITIES, ageText, boardCounts, boardOrder, peakText, slaState } from './alarm-board';
import { AlarmHistory, AlarmSeverityTag, AlarmStatusTag } from './AlarmTags';
import { kindText, severityText, statusText } from './alarm-text';

/** MON-2: the board refreshes itself, so a gas spike shows within 5 s of its post (issue 19's acceptance). */
const REFRESH_MS = 3_000;

type Action = 'acknowledge' | 'escalate' | 'close';
type Dialog = { readonly action: Action; readonly alarm: MonitoringAlarm } | undefined;

/** The current time, ticking each second, for the SLA timers and the alarms' ages. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * 监测值班 (MON-2, issue 19): the insurer's 24-hour duty board — the alarms still to handle, major first and
 * the oldest first, each with its SLA timer; acknowledge, escalate, close with a reason, and one click to a
 * hazard inspection (隐患排查) on the policy. Refreshes every 3 seconds; the closed alarms are a tab away.
 */
export function DutyBoardPage() {
  const { t } = useI18n();
  const [view, setView] = useState<'active' | 'closed'>('active');
  return (
    <>
      <PageHeading
        title={t('mon.board.title')}
        extra={
          <Segmented<'active' | 'closed'>
            value={view}
            onChange={setView}
            options={[
              { value: 'active', label: t('mon.board.active') },
              { value: 'closed', label: t('mon.board.closed') },
            ]}
          />
        }
      />
      <Typography.Paragraph type="secondary">{t('mon.board.intro')}</Typography.Paragraph>
      {view === 'active' ? <ActiveAlarms /> : <ClosedAlarms />}
    </>
  );
}

function ActiveAlarms() {
  const { t } = useI18n();
  const api = useApi();
  const now = useNow();
  const [severity, setSeverity] = useState<AlarmSeverity>();
  const [dialog, setDialog] = useState<Dialog>();
  const board = useQuery({
    queryKey: [...queryKeys.monitoring, 'board', severity ?? ''],
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(ACTIVE_STATUSES.map((status) => api.monitoring.alarms({ status, severity, limit: 100 }, signal)));
      return boardOrder(pages.flatMap((page) => page.items));
    },
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
  });
  const alarms = board.data ?? [];
  const counts = boardCounts(alarms, now);

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <Select<AlarmSeverity>
          allowClear
          aria-label={t('mon.field.severity')}
          placeholder={t('mon.field.severity')}
          style={{ width: 120 }}
          value={severity}
          onChange={setSeverity}
          options={SEVERITIES.map((value) => ({ value, label: severityText(t, value) }))}
        />
        <Tag color="red">{t('mon.count.major', { count: counts.major })}</Tag>
        <Tag color="orange">{t('mon.count.warning', { count: counts.warning })}</Tag>
        <Tag color={counts.overdue > 0 ? 'volcano' : 'default'}>{t('mon.count.overdue', { count: counts.overdue })}</Tag>
        {board.dataUpdatedAt > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('mon.board.updated', { time: new Date(board.dataUpdatedAt).toLocaleTimeString('zh-CN', { timeZone: TIME_ZONE, hour12: false }) })}
          </Typography.Text>
        )}
      </Flex>
      {board.error ? <Typography.Text type="danger">{describeApiError(board.error, t)}</Typography.Text> : null}
      {!board.isLoading && alarms.length === 0 && !board.error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mon.board.empty')} />}
      <Flex vertical gap={8} role="list" aria-label={t('mon.board.active')}>
        {alarms.map((alarm) => (
          <AlarmCard key={alarm.id} alarm={alarm} now={now} onAction={(action) => setDialog({ action, alarm })} />
        ))}
      </Flex>
      {dialog && <ActionModal dialog={dialog} onClose={() => setDialog(undefined)} />}
    </Flex>
  );
}

function AlarmCard({ alarm, now, onAction }: { readonly alarm: MonitoringAlarm; readonly now: number; readonly onAction: (action: Action) => void }) {
  const { t } = useI18n();
  const sla = slaState(alarm, now);
  const { nameOf } = useColleagueNames();
  const [showHistory, setShowHistory] = useState(false);
  return (
    <Card
      size="small"
      role="listitem"
      data-testid="alarm-card"
      style={{ borderInlineStart: `4px solid ${alarm.severity === 'MAJOR' ? '#cf1322' : '#d46b08'}` }}
      title={
        <Flex wrap gap={4} align="center" style={{ whiteSpace: 'normal' }}>
          <AlarmSeverityTag severity={alarm.severity} />
          <Link to={`/insurer/underwriting/${alarm.policyId}`}>{alarm.enterpriseName}</Link>
        </Flex>
      }
      extra={<AlarmStatusTag status={alarm.status} />}
    >
      <Flex vertical gap={6}>
        <Typography.Text strong>
          {kindText(t, alarm.kind)} · {alarm.peak === undefined ? peakText(alarm) : `${t('mon.field.peak')} ${peakText(alarm)}`}
        </Typography.Text>
        <Flex wrap gap={12} style={{ fontSize: 13 }}>
          <span>
            {t('mon.field.sensor')}：{alarm.sensorId}
          </span>
          <span>
            {t('mon.field.openedAt')}：{formatInstant(alarm.openedAt)}
          </span>
          <span>
            {t('mon.field.age')}：{ageText(alarm, now)}
          </span>
          <span>
            {t('mon.field.readings')}：{alarm.readings}
          </span>
          {sla && (
            <span data-testid="alarm-sla">
              {t('mon.field.sla')}：
              <Typography.Text type={sla.overdue ? 'danger' : undefined} strong={sla.overdue}>
                {sla.overdue ? t('mon.sla.overdue', { clock: sla.clock }) : t('mon.sla.left', { clock: sla.clock })}
              </Typography.Text>
            </span>
          )}
        </Flex>
        <Flex wrap gap={6}>
          {alarm.status === 'OPEN' && (
            <Button size="small" type="primary" onClick={() => onAction('acknowledge')}>
              {t('mon.action.acknowledge')}
            </Button>
          )}
          {alarm.status !== 'ESCALATED' && (
            <Button size="small" onClick={() => onAction('escalate')}>
              {t('mon.action.escalate')}
            </Button>
          )}
          <Button size="small" onClick={() => onAction('close')}>
            {t('mon.action.close')}
          </Button>
          <InspectionButton alarm={alarm} />
          <Button size="small" type="link" onClick={() => setShowHistory((shown) => !shown)} aria-expanded={showHistory}>
            {t('mon.action.history')}
          </Button>
        </Flex>
        {showHistory && <AlarmHistory alarm={alarm} nameOf={nameOf} />}
      </Flex>
    </Card>
  );
}

/** MON-2: the alarm's hazard inspection — a link once made, else the one click that makes it. */
function InspectionButton({ alarm }: { readonly alarm: MonitoringAlarm }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const invalidate = useInvalidate('monitoring', 'services');
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  if (alarm.serviceId) {
    return (
      <Link to={`/insurer/services/${alarm.serviceId}`} style={{ lineHeight: '24px' }}>
        {t('mon.action.viewService')}
      </Link>
    );
  }
  const create = async () => {
    setBusy(true);
    try {
      await api.monitoring.inspection(alarm.id, key);
      void message.success(t('mon.done.inspection'));
      invalidate();
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" loading={busy} onClick={() => void create()}>
      {t('mon.action.inspection')}
    </Button>
  );
}

/** 确认 / 升级 / 关闭: one dialog, the reason required for a close only. */
function ActionModal({ dialog, onClose }: { readonly dialog: NonNullable<Dialog>; readonly onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const invalidate = useInvalidate('monitoring');
  const [form] = Form.useForm<{ reason?: string }>();
  const [key] = useState(newIdempotencyKey);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const required = dialog.action === 'close';
  const submit = async ({ reason }: { reason?: string }) => {
    setSaving(true);
    setFailure(undefined);
    try {
      await api.monitoring.move(dialog.alarm.id, dialog.action, (reason ?? '').trim(), key);
      void message.success(t(`mon.done.${dialog.action}`));
      invalidate();
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`${t(`mon.action.${dialog.action}`)} · ${dialog.alarm.enterpriseName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('mon.submit')}
      cancelText={t('mon.cancel')}
      confirmLoading={saving}
    >
      {failure !== undefined && <FormFailureAlert failure={{ message: describeApiError(failure, t), issues: [] }} />}
      <Typography.Paragraph>
        {kindText(t, dialog.alarm.kind)} · {peakText(dialog.alarm)} · {dialog.alarm.sensorId}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={required ? t('mon.reason') : t('mon.reasonOptional')}
          rules={required ? [{ required: true, whitespace: true, message: t('mon.reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ClosedAlarms() {
  const { t } = useI18n();
  const api = useApi();
  const columns = useMemo<DataColumn<MonitoringAlarm>[]>(
    () => [
      dateTimeColumn<MonitoringAlarm>('openedAt', t('mon.field.openedAt'), (alarm) => alarm.openedAt),
      {
        key: 'enterprise',
        title: t('mon.field.enterprise'),
        width: 200,
        value: (alarm) => alarm.enterpriseName,
        render: (alarm) => <Link to={`/insurer/underwriting/${alarm.policyId}`}>{alarm.enterpriseName}</Link>,
      },
      { key: 'severity', title: t('mon.field.severity'), width: 80, value: (alarm) => severityText(t, alarm.severity), render: (alarm) => <AlarmSeverityTag severity={alarm.severity} /> },
      { key: 'kind', title: t('mon.field.kind'), width: 120, value: (alarm) => kindText(t, alarm.kind) },
      { key: 'peak', title: t('mon.field.peak'), width: 100, value: (alarm) => peakText(alarm) },
      { key: 'sensor', title: t('mon.field.sensor'), width: 120, value: (alarm) => alarm.sensorId },
      { key: 'status', title: t('mon.field.status'), width: 90, value: (alarm) => statusText(t, alarm.status) },
      {
        key: 'service',
        title: t('mon.field.service'),
        width: 150,
        csv: false,
        render: (alarm) => (alarm.serviceId ? <Link to={`/insurer/services/${alarm.serviceId}`}>{t('mon.action.viewService')}</Link> : null),
      },
    ],
    [t],
  );
  const fetchPage = useCallback(
    ({ cursor, limit }: DataTablePageRequest, signal: AbortSignal) => api.monitoring.alarms({ cursor, limit, status: 'CLOSED' }, signal),
    [api],
  );
  return (
    <DataTable<MonitoringAlarm>
      queryKey={[...queryKeys.monitoring, '/api/v1/monitoring/alarms', 'CLOSED']}
      caption={t('mon.board.closedCaption')}
      columns={columns}
      rowKey={(alarm) => alarm.id}
      fetchPage={fetchPage}
    />
  );
}


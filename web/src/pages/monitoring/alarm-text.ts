import type { AlarmSeverity, AlarmStatus, MonitoringKind } from '../../api/monitoring-api';
import type { MessageKey, Translate } from '../../i18n';

/** A data kind of MON-1 in Chinese; a kind the console does not know yet shows as the API names it. */
export const kindText = (t: Translate, kind: MonitoringKind): string => (t(`mon.kind.${kind}` as MessageKey) as string | undefined) ?? kind;
/** What was done to an alarm (its history's action); an action the console does not know yet shows as named. */
export const historyText = (t: Translate, action: string): string => (t(`mon.history.${action}` as MessageKey) as string | undefined) ?? action;
export const severityText = (t: Translate, severity: AlarmSeverity): string => t(`mon.severity.${severity}`);
export const statusText = (t: Translate, status: AlarmStatus): string => t(`mon.status.${status}`);

export const SEVERITY_COLOURS: Readonly<Record<AlarmSeverity, string>> = { MAJOR: 'red', WARNING: 'orange' };
export const STATUS_COLOURS: Readonly<Record<AlarmStatus, string>> = { OPEN: 'error', ACKNOWLEDGED: 'processing', ESCALATED: 'warning', CLOSED: 'default' };

import { idempotent, ok, type ApiClient } from './api-client';
import type { BodyOf, ItemOf, Page, QueryOf, ResponseOf } from './contract';

/** MON-2: an alarm of one sensor of one insured mine, as the duty board and the enterprise see it. */
export type MonitoringAlarm = ResponseOf<'/api/v1/monitoring/alarms/{alarmId}', 'get'>;
export type AlarmSeverity = MonitoringAlarm['severity'];
export type AlarmStatus = MonitoringAlarm['status'];
/** MON-1's data kinds (GAS_CH4, CO, …): a string, so a kind added on the server shows before the console knows it. */
export type MonitoringKind = MonitoringAlarm['kind'];
export type AlarmHistoryEntry = MonitoringAlarm['history'][number];
/** ACL-5: an alarm as the enterprise sees it (no insurer staff ids in its history). */
export type MyAlarm = ItemOf<'/api/v1/my/alarms'>;
/** MON-2: a mine's data source (its machine client); never its key, which only the create and rotate answers carry, once. */
export type DataSource = ItemOf<'/api/v1/monitoring/sources'>;
export type DataSourceStatus = DataSource['status'];
export type DataSourceWithKey = ResponseOf<'/api/v1/monitoring/sources', 'post'>;
export type Threshold = NonNullable<DataSource['thresholds'][string]>;
export type ThresholdChange = DataSource['thresholdChanges'][number];
export type ThresholdsRequest = BodyOf<'/api/v1/monitoring/sources/{sourceId}/thresholds', 'put'>;
export type AlarmListQuery = QueryOf<'/api/v1/monitoring/alarms'>;
export type AlarmMove = 'acknowledge' | 'escalate' | 'close';

const alarmPath = (alarmId: string) => ({ path: { alarmId } });
const sourcePath = (sourceId: string) => ({ path: { sourceId } });

/** MON-2 (issue 19): the insurer's duty board (alarms) and its mines' data sources (insurer-admin, insurer-staff). */
export class MonitoringApi {
  constructor(private readonly client: ApiClient) {}

  alarms(query: AlarmListQuery, signal?: AbortSignal): Promise<Page<MonitoringAlarm>> {
    return ok(this.client.GET('/api/v1/monitoring/alarms', { params: { query }, signal }));
  }

  alarm(alarmId: string, signal?: AbortSignal): Promise<MonitoringAlarm> {
    return ok(this.client.GET('/api/v1/monitoring/alarms/{alarmId}', { params: alarmPath(alarmId), signal }));
  }

  /** MON-2: acknowledge, escalate or close; a close needs its reason. */
  move(alarmId: string, move: AlarmMove, reason: string, idempotencyKey: string): Promise<MonitoringAlarm> {
    const init = { params: alarmPath(alarmId), body: reason ? { reason } : {}, headers: idempotent(idempotencyKey) };
    if (move === 'acknowledge') return ok(this.client.POST('/api/v1/monitoring/alarms/{alarmId}/acknowledge', init));
    if (move === 'escalate') return ok(this.client.POST('/api/v1/monitoring/alarms/{alarmId}/escalate', init));
    return ok(this.client.POST('/api/v1/monitoring/alarms/{alarmId}/close', init));
  }

  /** MON-2: one click turns the alarm into a hazard inspection (隐患排查) on its policy; a second answers the same one. */
  inspection(alarmId: string, idempotencyKey: string): Promise<ResponseOf<'/api/v1/monitoring/alarms/{alarmId}/inspection', 'post'>> {
    return ok(this.client.POST('/api/v1/monitoring/alarms/{alarmId}/inspection', { params: alarmPath(alarmId), body: {}, headers: idempotent(idempotencyKey) }));
  }

  sources(query: QueryOf<'/api/v1/monitoring/sources'>, signal?: AbortSignal): Promise<Page<DataSource>> {
    return ok(this.client.GET('/api/v1/monitoring/sources', { params: { query }, signal }));
  }

  /** The API key comes back once, in this answer only. */
  register(body: BodyOf<'/api/v1/monitoring/sources', 'post'>, idempotencyKey: string): Promise<DataSourceWithKey> {
    return ok(this.client.POST('/api/v1/monitoring/sources', { body, headers: idempotent(idempotencyKey) }));
  }

  rotate(sourceId: string, idempotencyKey: string): Promise<DataSourceWithKey> {
    return ok(this.client.POST('/api/v1/monitoring/sources/{sourceId}/rotate', { params: sourcePath(sourceId), headers: idempotent(idempotencyKey) }));
  }

  revoke(sourceId: string, idempotencyKey: string): Promise<DataSource> {
    return ok(this.client.POST('/api/v1/monitoring/sources/{sourceId}/revoke', { params: sourcePath(sourceId), headers: idempotent(idempotencyKey) }));
  }

  /** MON-2: the mine's thresholds over the rule set's (`null` drops an override); audited on the server. */
  setThresholds(sourceId: string, thresholds: ThresholdsRequest['thresholds'], idempotencyKey: string): Promise<DataSource> {
    return ok(this.client.PUT('/api/v1/monitoring/sources/{sourceId}/thresholds', { params: sourcePath(sourceId), body: { thresholds }, headers: idempotent(idempotencyKey) }));
  }

  /** ACL-5: the enterprise's own mine's alarms, read-only. */
  myAlarms(query: QueryOf<'/api/v1/my/alarms'>, signal?: AbortSignal): Promise<Page<MyAlarm>> {
    return ok(this.client.GET('/api/v1/my/alarms', { params: { query }, signal }));
  }
}

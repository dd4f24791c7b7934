import { idempotent, ok, type ApiClient } from './api-client';
import type { Page } from './contract';

// DRAFT: hand-written from the API contract until the backend's routes are generated (then ResponseOf/BodyOf).
export type MonitoringKind = string;
export type AlarmSeverity = 'MAJOR' | 'WARNING';
export type AlarmStatus = 'OPEN' | 'ACKNOWLEDGED' | 'ESCALATED' | 'CLOSED';
export interface AlarmHistoryEntry {
  readonly action: 'OPENED' | 'ACKNOWLEDGED' | 'ESCALATED' | 'CLOSED' | 'INSPECTION';
  readonly at: string;
  readonly by: string;
  readonly reason?: string;
  readonly serviceId?: string;
}
export interface MonitoringAlarm {
  readonly id: string;
  readonly sourceId: string;
  readonly policyId: string;
  readonly uscc: string;
  readonly enterpriseName: string;
  readonly sensorId: string;
  readonly kind: MonitoringKind;
  readonly severity: AlarmSeverity;
  readonly openedAt: string;
  readonly lastAt: string;
  readonly peak?: number;
  readonly unit: string;
  readonly readings: number;
  readonly message?: string;
  readonly status: AlarmStatus;
  readonly slaDueAt: string;
  readonly serviceId?: string;
  readonly history: readonly AlarmHistoryEntry[];
}
export type DataSourceStatus = 'ACTIVE' | 'REVOKED';
export interface DataSource {
  readonly id: string;
  readonly policyId: string;
  readonly uscc: string;
  readonly enterpriseName: string;
  readonly name: string;
  readonly status: DataSourceStatus;
  readonly keyPrefix: string;
  readonly createdAt: string;
  readonly thresholds: Readonly<Partial<Record<string, Threshold>>>;
  readonly thresholdChanges: readonly ThresholdChange[];
}
export interface DataSourceWithKey {
  readonly source: DataSource;
  readonly apiKey: string;
}
export interface Threshold {
  readonly direction: 'ABOVE' | 'BELOW';
  readonly warning?: number;
  readonly major?: number;
}
export interface ThresholdChange {
  readonly at: string;
  readonly by: string;
  readonly kind: string;
  readonly from: Threshold | null;
  readonly to: Threshold | null;
}
export interface AlarmListQuery {
  readonly status?: AlarmStatus;
  readonly severity?: AlarmSeverity;
  readonly cursor?: string;
  readonly limit?: number;
}

type Loose = {
  GET(path: string, init: object): Promise<{ data?: unknown }>;
  POST(path: string, init: object): Promise<{ data?: unknown }>;
  PUT(path: string, init: object): Promise<{ data?: unknown }>;
};

/** MON-2: the insurer's duty board (alarms) and its data sources (the mines' machine clients). */
export class MonitoringApi {
  private readonly loose: Loose;
  constructor(client: ApiClient) {
    this.loose = client as unknown as Loose;
  }

  alarms(query: AlarmListQuery, signal?: AbortSignal): Promise<Page<MonitoringAlarm>> {
    return ok(this.loose.GET('/api/v1/monitoring/alarms', { params: { query }, signal })) as Promise<Page<MonitoringAlarm>>;
  }

  alarm(alarmId: string, signal?: AbortSignal): Promise<MonitoringAlarm> {
    return ok(this.loose.GET('/api/v1/monitoring/alarms/{alarmId}', { params: { path: { alarmId } }, signal })) as Promise<MonitoringAlarm>;
  }

  /** MON-2: acknowledge, escalate or close (a close needs its reason). */
  act(alarmId: string, action: 'acknowledge' | 'escalate' | 'close', reason: string, idempotencyKey: string): Promise<MonitoringAlarm> {
    return ok(
      this.loose.POST(`/api/v1/monitoring/alarms/{alarmId}/${action}`, {
        params: { path: { alarmId } },
        body: reason ? { reason } : {},
        headers: idempotent(idempotencyKey),
      }),
    ) as Promise<MonitoringAlarm>;
  }

  /** MON-2: one click turns the alarm into a hazard inspection (隐患排查) on its policy. */
  inspection(alarmId: string, idempotencyKey: string): Promise<{ serviceId: string }> {
    return ok(
      this.loose.POST('/api/v1/monitoring/alarms/{alarmId}/inspection', { params: { path: { alarmId } }, headers: idempotent(idempotencyKey) }),
    ) as Promise<{ serviceId: string }>;
  }

  sources(query: { readonly cursor?: string; readonly limit?: number }, signal?: AbortSignal): Promise<Page<DataSource>> {
    return ok(this.loose.GET('/api/v1/monitoring/sources', { params: { query }, signal })) as Promise<Page<DataSource>>;
  }

  /** The API key comes back once, in this answer only. */
  register(body: { readonly policyId: string; readonly name: string }, idempotencyKey: string): Promise<DataSourceWithKey> {
    return ok(this.loose.POST('/api/v1/monitoring/sources', { body, headers: idempotent(idempotencyKey) })) as Promise<DataSourceWithKey>;
  }

  rotate(sourceId: string, idempotencyKey: string): Promise<DataSourceWithKey> {
    return ok(
      this.loose.POST('/api/v1/monitoring/sources/{sourceId}/rotate', { params: { path: { sourceId } }, headers: idempotent(idempotencyKey) }),
    ) as Promise<DataSourceWithKey>;
  }

  revoke(sourceId: string, idempotencyKey: string): Promise<unknown> {
    return ok(this.loose.POST('/api/v1/monitoring/sources/{sourceId}/revoke', { params: { path: { sourceId } }, headers: idempotent(idempotencyKey) }));
  }

  setThresholds(sourceId: string, thresholds: Readonly<Partial<Record<string, Threshold | null>>>, idempotencyKey: string): Promise<unknown> {
    return ok(
      this.loose.PUT('/api/v1/monitoring/sources/{sourceId}/thresholds', {
        params: { path: { sourceId } },
        body: { thresholds },
        headers: idempotent(idempotencyKey),
      }),
    );
  }

  /** The enterprise's own mine's alarms, read-only. */
  myAlarms(query: { readonly cursor?: string; readonly limit?: number; readonly status?: AlarmStatus }, signal?: AbortSignal): Promise<Page<MonitoringAlarm>> {
    return ok(this.loose.GET('/api/v1/my/alarms', { params: { query }, signal })) as Promise<Page<MonitoringAlarm>>;
  }
}

import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { Alert, Calendar, Flex, Tag, Typography, type CalendarProps } from 'antd';
import type { Dayjs } from 'dayjs';
// antd's Calendar takes its weekday and month names from dayjs, which knows only English until told otherwise.
import 'dayjs/locale/zh-cn';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Api, PreventionService, ServiceListRequest } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { formatInstant, useI18n } from '../../i18n';
import { describeApiError } from '../../kit';
import { servicesByDay } from './service-dates';
import { servicePath, serviceTypeText } from './service-text';

/** The calendar reads at most this many services (5 pages of 100): plenty for one branch's filtered view. */
const CALENDAR_LIMIT = 500;
const PAGE = 100;
/** Services listed in one day's cell; the rest are counted. */
const PER_CELL = 3;

async function readServices(api: Api, request: Omit<ServiceListRequest, 'limit' | 'cursor'>, signal: AbortSignal): Promise<{ items: PreventionService[]; truncated: boolean }> {
  const items: PreventionService[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.services.list({ ...request, limit: PAGE, cursor }, signal);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < CALENDAR_LIMIT);
  return { items, truncated: Boolean(cursor) };
}

type CellRender = NonNullable<CalendarProps<Dayjs>['cellRender']>;

/** 服务日历: the services (with the list's filters) on their scheduled day, each a link to its detail. */
export function ServiceCalendar({ filters }: { readonly filters: Omit<ServiceListRequest, 'limit' | 'cursor'> }) {
  const { t } = useI18n();
  const api = useApi();
  const key = JSON.stringify(filters);
  const query = useQuery({ queryKey: [...queryKeys.services, `services:calendar:${key}`], queryFn: ({ signal }) => readServices(api, filters, signal) });
  const byDay = useMemo(() => servicesByDay(query.data?.items ?? []), [query.data]);

  const cellRender: CellRender = (current, info) => {
    if (info.type !== 'date') return info.originNode;
    const day = current.format('YYYY-MM-DD');
    const services = byDay.get(day) ?? [];
    if (services.length === 0) return null;
    return (
      <Flex vertical gap={2} data-day={day}>
        {services.slice(0, PER_CELL).map((service) => (
          <Link key={service.id} to={servicePath(service)} title={`${service.enterprise.name} · ${serviceTypeText(service, t)}`} style={{ fontSize: 12, lineHeight: '18px' }}>
            <Tag color={service.status === 'ARCHIVED' ? 'green' : service.status === 'CANCELLED' ? 'default' : 'blue'} style={{ marginInlineEnd: 4, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}>
              {formatInstant(service.scheduledAt).slice(11)}
            </Tag>
            {service.enterprise.name}
          </Link>
        ))}
        {services.length > PER_CELL && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('svc.list.calendarMore', { count: services.length - PER_CELL })}</Typography.Text>}
      </Flex>
    );
  };

  return (
    <Flex vertical gap={8}>
      {Boolean(query.error) && <Alert type="error" showIcon title={t('table.loadError')} description={describeApiError(query.error, t)} />}
      {query.data?.truncated && <Alert type="warning" showIcon title={t('svc.list.calendarTruncated', { count: CALENDAR_LIMIT })} />}
      <section aria-label={t('svc.list.calendarLabel')} aria-busy={query.isFetching}>
        <Calendar cellRender={cellRender} />
      </section>
    </Flex>
  );
}

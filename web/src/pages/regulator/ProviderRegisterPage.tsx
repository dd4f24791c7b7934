import { App, Button, Dropdown, Modal, Popconfirm, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import type { Api, Expert, ExpertStatus, Page, ServiceOrg, ServiceOrgStatus } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n, type Translate } from '../../i18n';
import { DataTable, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { EXPERT_STATUSES, SERVICE_ORG_STATUSES } from '../../reference/domain';
import { useSessionUser } from '../underwriting/session';
import { AddExpertForm, AddServiceOrgForm, type AddProviderFormProps } from './AddProviderForms';
import { useStatusChange } from './useStatusChange';
import { scopeText } from './scope-text';

type ProviderKind = 'org' | 'expert';

/** A register of service providers: what differs between REG-2 (organisations) and REG-3 (experts). */
interface ProviderRegister<Row extends { readonly id: string; readonly name: string }, Status extends string> {
  /** The prefix of its messages (`org.title`, `expert.status.ACTIVE`…). */
  readonly kind: ProviderKind;
  readonly path: string;
  readonly exportName: string;
  readonly statuses: readonly Status[];
  /** Filters besides the status. */
  readonly filters: (t: Translate) => FilterField[];
  /** The columns before the status. */
  readonly columns: (t: Translate) => DataColumn<Row>[];
  readonly statusText: (status: Status, t: Translate) => string;
  readonly statusColor: (status: Status) => string;
  /** The city EMB's control to change a row's status, and the action column's width. */
  readonly statusControl: (row: Row, changeStatus: (row: Row, status: Status) => void, t: Translate) => ReactNode;
  readonly actionsWidth: number;
  readonly list: (api: Api, request: DataTablePageRequest, signal: AbortSignal) => Promise<Page<Row>>;
  readonly update: (api: Api, row: Row, status: Status, idempotencyKey: string) => Promise<Row>;
  readonly AddForm: ComponentType<AddProviderFormProps>;
  readonly addWidth?: number;
}

const monospace = { fontFamily: 'monospace' } as const;
const ORG_COLORS: Readonly<Record<ServiceOrgStatus, string>> = { ACTIVE: 'green', SUSPENDED: 'orange', REVOKED: 'default' };

/**
 * 第三方服务机构 (REG-2): the organisations registered (备案) with the city EMB, their status and validity; the
 * city EMB suspends, revokes or restores them — SVC-6 lets insurers name only ACTIVE ones inside their validity.
 */
const SERVICE_ORGS: ProviderRegister<ServiceOrg, ServiceOrgStatus> = {
  kind: 'org',
  path: '/api/v1/regulator/service-orgs',
  exportName: 'service-orgs',
  statuses: SERVICE_ORG_STATUSES,
  filters: () => [],
  columns: (t) => [
    { key: 'name', title: t('org.name'), value: (org) => org.name },
    { key: 'uscc', title: t('org.uscc'), width: 180, value: (org) => org.uscc, render: (org) => <span style={monospace}>{org.uscc}</span> },
    { key: 'registrationNumber', title: t('org.registrationNumber'), width: 170, value: (org) => org.registrationNumber },
    { key: 'validity', title: t('org.validity'), width: 200, value: (org) => `${org.validFrom} ~ ${org.validTo}` },
    { key: 'scope', title: t('org.scope'), ellipsis: true, value: (org) => scopeText(org.scope, t) },
    { key: 'contact', title: t('org.contact'), width: 140, value: (org) => org.contact },
  ],
  statusText: (status, t) => t(`org.status.${status}`),
  statusColor: (status) => ORG_COLORS[status],
  statusControl: (org, changeStatus, t) => (
    <Dropdown
      trigger={['click']}
      menu={{
        items: SERVICE_ORG_STATUSES.filter((status) => status !== org.status).map((status) => ({ key: status, label: t(`org.status.${status}`) })),
        onClick: ({ key }) => changeStatus(org, key as ServiceOrgStatus),
      }}
    >
      <Button size="small" type="link">
        {t('org.changeStatus')}
      </Button>
    </Dropdown>
  ),
  actionsWidth: 100,
  list: (api, { cursor, limit, filters }, signal) =>
    api.providers.listOrgs({ cursor, limit, status: (filters.status || undefined) as ServiceOrgStatus | undefined }, signal),
  update: (api, org, status, key) => api.providers.updateOrg(org.id, { status, version: org.version }, key),
  AddForm: AddServiceOrgForm,
  addWidth: 620,
};

/**
 * 专家库 (REG-3): the city's pool of safety and emergency experts; the city EMB removes or restores them —
 * SVC-6 lets a service record name only experts in the pool.
 */
const EXPERTS: ProviderRegister<Expert, ExpertStatus> = {
  kind: 'expert',
  path: '/api/v1/regulator/experts',
  exportName: 'experts',
  statuses: EXPERT_STATUSES,
  filters: (t) => [{ kind: 'text', name: 'specialty', label: t('expert.specialties') }],
  columns: (t) => [
    { key: 'name', title: t('expert.name'), width: 120, value: (expert) => expert.name },
    { key: 'specialties', title: t('expert.specialties'), value: (expert) => expert.specialties.join('、') },
    { key: 'title', title: t('expert.titleField'), width: 130, value: (expert) => expert.title },
    { key: 'employer', title: t('expert.employer'), ellipsis: true, value: (expert) => expert.employer },
  ],
  statusText: (status, t) => t(`expert.status.${status}`),
  statusColor: (status) => (status === 'ACTIVE' ? 'green' : 'default'),
  statusControl: (expert, changeStatus, t) =>
    expert.status === 'ACTIVE' ? (
      <Popconfirm title={t('expert.removeConfirm')} onConfirm={() => changeStatus(expert, 'REMOVED')} okText={t('form.submit')} cancelText={t('form.cancel')}>
        <Button size="small" type="link" danger>
          {t('expert.remove')}
        </Button>
      </Popconfirm>
    ) : (
      <Button size="small" type="link" onClick={() => changeStatus(expert, 'ACTIVE')}>
        {t('expert.restore')}
      </Button>
    ),
  actionsWidth: 110,
  list: (api, { cursor, limit, filters }, signal) =>
    api.providers.listExperts({ cursor, limit, status: (filters.status || undefined) as ExpertStatus | undefined, specialty: filters.specialty || undefined }, signal),
  update: (api, expert, status, key) => api.providers.updateExpert(expert.id, { status, version: expert.version }, key),
  AddForm: AddExpertForm,
};

/**
 * A register of service providers (REG-2, REG-3) in one page: every regulator reads it; the city EMB adds
 * entries and changes their status, each change said or its refusal shown, and the list read again.
 */
function ProviderRegisterPage<Row extends { readonly id: string; readonly name: string; readonly status: Status }, Status extends string>({
  register,
}: {
  readonly register: ProviderRegister<Row, Status>;
}) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const user = useSessionUser();
  const writes = user?.agency === 'EMB_CITY';
  const [adding, setAdding] = useState(false);
  const { kind } = register;
  const { reload, changeStatus } = useStatusChange<Row, Status>(
    (row, status, key) => register.update(api, row, status, key),
    (row, status) => t(`${kind}.statusChanged`, { name: row.name, status: register.statusText(status, t) }),
  );
  const statusText = useCallback((status: Status) => register.statusText(status, t), [t, register]);

  const filters = useMemo<FilterField[]>(
    () => [{ kind: 'select', name: 'status', label: t(`${kind}.status`), options: register.statuses.map((value) => ({ value, label: statusText(value) })) }, ...register.filters(t)],
    [t, kind, register, statusText],
  );

  const columns = useMemo<DataColumn<Row>[]>(
    () => [
      ...register.columns(t),
      {
        key: 'status',
        title: t(`${kind}.status`),
        width: 90,
        value: (row) => statusText(row.status),
        render: (row) => (
          <Tag color={register.statusColor(row.status)} style={{ marginInlineEnd: 0 }}>
            {statusText(row.status)}
          </Tag>
        ),
      },
      ...(writes
        ? [
            {
              key: 'actions',
              title: t('table.actions'),
              width: register.actionsWidth,
              csv: false as const,
              render: (row: Row) => register.statusControl(row, (changed, status) => void changeStatus(changed, status), t),
            },
          ]
        : []),
    ],
    [t, kind, register, writes, changeStatus, statusText],
  );

  const fetchPage = useCallback((request: DataTablePageRequest, signal: AbortSignal) => register.list(api, request, signal), [api, register]);
  const { AddForm } = register;

  return (
    <>
      <PageHeading title={t(`${kind}.title`)} />
      <Typography.Paragraph type="secondary">{writes ? t(`${kind}.intro`) : t(`${kind}.introReadOnly`)}</Typography.Paragraph>
      <DataTable<Row>
        queryKey={[...queryKeys.providers, register.path]}
        caption={t(`${kind}.title`)}
        columns={columns}
        rowKey={(row) => row.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName={register.exportName}
        toolbar={
          writes && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t(`${kind}.add`)}
            </Button>
          )
        }
      />
      <Modal open={adding} title={t(`${kind}.addTitle`)} footer={null} onCancel={() => setAdding(false)} destroyOnHidden {...(register.addWidth && { width: register.addWidth })}>
        <AddForm
          onDone={() => {
            setAdding(false);
            void message.success(t(`${kind}.added`));
            reload();
          }}
          onCancel={() => setAdding(false)}
        />
      </Modal>
    </>
  );
}

/** 第三方服务机构 (`/regulator/service-orgs`, REG-2). */
export const ServiceOrgsPage = () => <ProviderRegisterPage register={SERVICE_ORGS} />;
/** 专家库 (`/regulator/experts`, REG-3). */
export const ExpertsPage = () => <ProviderRegisterPage register={EXPERTS} />;

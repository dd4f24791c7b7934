import {
  AccountBookOutlined,
  AlertOutlined,
  ApiOutlined,
  BellOutlined,
  CloudUploadOutlined,
  EyeOutlined,
  FlagOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CommentOutlined,
  ControlOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FundOutlined,
  HomeOutlined,
  MonitorOutlined,
  MoneyCollectOutlined,
  PieChartOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  ShopOutlined,
  SignalFilled,
  SolutionOutlined,
  StopOutlined,
  TeamOutlined,
  ToolOutlined,
  UserSwitchOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import type { Agency, Role } from '../api';
import type { MessageKey } from '../i18n';
import { AUDIENCE } from './access';

const ALL_ROLES: readonly Role[] = [...AUDIENCE.operator, ...AUDIENCE.insurer, ...AUDIENCE.regulator, ...AUDIENCE.enterprise];

/**
 * Code-split pages: loaded by the router before it renders the route (react-router's `lazy`), so there is
 * no Suspense fallback, and no Suspense reveal delay, between a click and the page.
 */
const pages = {
  tenantList: () => import('../pages/platform/TenantListPage').then((m) => m.TenantListPage),
  createTenant: () => import('../pages/platform/OnboardPage').then((m) => m.CreateTenantPage),
  tenantDetail: () => import('../pages/platform/TenantDetailPage').then((m) => m.TenantDetailPage),
  regulatorList: () => import('../pages/platform/RegulatorListPage').then((m) => m.RegulatorListPage),
  createRegulator: () => import('../pages/platform/OnboardPage').then((m) => m.CreateRegulatorPage),
  calendar: () => import('../pages/platform/CalendarPage').then((m) => m.CalendarPage),
  team: () => import('../pages/team/TeamPage').then((m) => m.TeamPage),
  insurerDashboard: () => import('../pages/insurer/InsurerDashboardPage').then((m) => m.InsurerDashboardPage),
  // Issue 14: the enterprise's and the operator's homes (the insurer's is its dashboard, the regulators' the overview).
  enterpriseHome: () => import('../pages/enterprise/EnterpriseHomePage').then((m) => m.EnterpriseHomePage),
  operatorHome: () => import('../pages/platform/OperatorHomePage').then((m) => m.OperatorHomePage),
  complaintInbox: () => import('../pages/complaints/ComplaintListPage').then((m) => m.ComplaintInboxPage),
  complaint: () => import('../pages/complaints/ComplaintPage').then((m) => m.InsurerComplaintPage),
  myComplaints: () => import('../pages/complaints/ComplaintListPage').then((m) => m.MyComplaintsPage),
  fileComplaint: () => import('../pages/enterprise/FileComplaintPage').then((m) => m.FileComplaintPage),
  myComplaint: () => import('../pages/complaints/ComplaintPage').then((m) => m.MyComplaintPage),
  escalatedComplaints: () => import('../pages/regulator/EscalatedComplaintsPage').then((m) => m.EscalatedComplaintsPage),
  // CLM-1 (issue 19): the insurer's claims, the enterprise's, the regulators' declines.
  claims: () => import('../pages/claims/ClaimsPage').then((m) => m.ClaimsPage),
  myClaims: () => import('../pages/claims/MyClaimsPage').then((m) => m.MyClaimsPage),
  declinedClaims: () => import('../pages/claims/DeclinedClaimsPage').then((m) => m.DeclinedClaimsPage),
  regulatorHazards: () => import('../pages/regulator/RegulatorHazardsPage').then((m) => m.RegulatorHazardsPage),
  qualification: () => import('../pages/insurer/QualificationPage').then((m) => m.QualificationPage),
  policyList: () => import('../pages/insurer/PolicyListPage').then((m) => m.PolicyListPage),
  createPolicy: () => import('../pages/insurer/CreatePolicyPage').then((m) => m.CreatePolicyPage),
  policy: () => import('../pages/insurer/PolicyPage').then((m) => m.PolicyPage),
  myPolicies: () => import('../pages/enterprise/MyPoliciesPage').then((m) => m.MyPoliciesPage),
  register: () => import('../pages/regulator/RegisterPage').then((m) => m.RegisterPage),
  coverageGap: () => import('../pages/regulator/CoverageGapPage').then((m) => m.CoverageGapPage),
  blacklist: () => import('../pages/regulator/BlacklistPage').then((m) => m.BlacklistPage),
  ruleSets: () => import('../pages/regulator/RuleSetsPage').then((m) => m.RuleSetsPage),
  fees: () => import('../pages/fees/FeesPage').then((m) => m.FeesPage),
  services: () => import('../pages/services/ServicesPage').then((m) => m.ServicesPage),
  service: () => import('../pages/services/ServicePage').then((m) => m.ServicePage),
  hazardBoard: () => import('../pages/services/HazardBoardPage').then((m) => m.HazardBoardPage),
  obligations: () => import('../pages/services/ObligationsPage').then((m) => m.ObligationsPage),
  obligationList: () => import('../pages/services/ObligationListPage').then((m) => m.ObligationListPage),
  archive: () => import('../pages/services/ArchiveVerifyPage').then((m) => m.ArchiveVerifyPage),
  // SVC-10 (issue 18): the enterprise's archive folder, for its insurer and the regulators in scope.
  archiveFolder: () => import('../pages/archive/ArchiveFolderPage').then((m) => m.ArchiveFolderPage),
  myServices: () => import('../pages/enterprise/MyServicesPage').then((m) => m.MyServicesPage),
  myHazards: () => import('../pages/enterprise/MyHazardsPage').then((m) => m.MyHazardsPage),
  serviceOrgs: () => import('../pages/regulator/ProviderRegisterPage').then((m) => m.ServiceOrgsPage),
  experts: () => import('../pages/regulator/ProviderRegisterPage').then((m) => m.ExpertsPage),
  refusals: () => import('../pages/insurer/RefusalsPage').then((m) => m.RefusalsPage),
  regulatorRefusals: () => import('../pages/regulator/RegulatorRefusalsPage').then((m) => m.RegulatorRefusalsPage),
  qualificationFilings: () => import('../pages/regulator/QualificationFilingsPage').then((m) => m.QualificationFilingsPage),
  supervisionOverview: () => import('../pages/regulator/supervision/OverviewPage').then((m) => m.OverviewPage),
  supervisionInsurers: () => import('../pages/regulator/supervision/SupervisionInsurersPage').then((m) => m.SupervisionInsurersPage),
  supervisionPolicies: () => import('../pages/regulator/supervision/SupervisionPoliciesPage').then((m) => m.SupervisionPoliciesPage),
  supervisionPolicy: () => import('../pages/regulator/supervision/SupervisionPolicyPage').then((m) => m.SupervisionPolicyPage),
  supervisionServices: () => import('../pages/regulator/supervision/SupervisionServicesPage').then((m) => m.SupervisionServicesPage),
  supervisionService: () => import('../pages/regulator/supervision/SupervisionServicePage').then((m) => m.SupervisionServicePage),
  supervisionFees: () => import('../pages/regulator/supervision/SupervisionFeesPage').then((m) => m.SupervisionFeesPage),
  supervisionHazards: () => import('../pages/regulator/supervision/SupervisionHazardsPage').then((m) => m.SupervisionHazardsPage),
  supervisionComplaints: () => import('../pages/regulator/supervision/SupervisionComplaintsPage').then((m) => m.SupervisionComplaintsPage),
  supervisionLedger: () => import('../pages/regulator/supervision/SupervisionLedgerPage').then((m) => m.SupervisionLedgerPage),
  supervisionQualification: () => import('../pages/regulator/supervision/SupervisionQualificationPage').then((m) => m.SupervisionQualificationPage),
  supervisionNotices: () => import('../pages/regulator/supervision/SupervisionNoticesPage').then((m) => m.SupervisionNoticesPage),
  insurerNotices: () => import('../pages/insurer/NoticesPage').then((m) => m.NoticesPage),
  insurerSync: () => import('../pages/sync/SyncPage').then((m) => m.InsurerSyncPage),
  webhooks: () => import('../pages/webhooks/WebhooksPage').then((m) => m.WebhooksPage),
  regulatorSync: () => import('../pages/sync/SyncPage').then((m) => m.RegulatorSyncPage),
  accessLog: () => import('../pages/insurer/AccessLogPage').then((m) => m.AccessLogPage),
  notifications: () => import('../pages/notifications/NotificationsPage').then((m) => m.NotificationsPage),
  // RPT-1, RPT-4 (issue 18): 报告报送 and the regulators' 报告查阅.
  reports: () => import('../pages/reports/ReportsPage').then((m) => m.ReportsPage),
  report: () => import('../pages/reports/ReportPage').then((m) => m.ReportPage),
  regulatorReports: () => import('../pages/reports/RegulatorReportsPage').then((m) => m.RegulatorReportsPage),
  regulatorReport: () => import('../pages/reports/RegulatorReportsPage').then((m) => m.RegulatorReportPage),
  regulatorEvaluations: () => import('../pages/evaluations/RegulatorEvaluationsPage').then((m) => m.RegulatorEvaluationsPage),
  regulatorEvaluation: () => import('../pages/evaluations/RegulatorEvaluationPage').then((m) => m.RegulatorEvaluationPage),
  ownEvaluations: () => import('../pages/evaluations/InsurerEvaluationsPage').then((m) => m.InsurerEvaluationsPage),
  ownEvaluation: () => import('../pages/evaluations/InsurerEvaluationsPage').then((m) => m.InsurerEvaluationPage),
  dutyBoard: () => import('../pages/monitoring/DutyBoardPage').then((m) => m.DutyBoardPage),
  dataSources: () => import('../pages/monitoring/DataSourcesPage').then((m) => m.DataSourcesPage),
  myAlarms: () => import('../pages/monitoring/MyAlarmsPage').then((m) => m.MyAlarmsPage),
} satisfies Record<string, () => Promise<ComponentType>>;

/**
 * One page of the console. The side menu, the router and the role checks all read this table, so a page
 * added here is routed, guarded (403 for other roles, even typed by hand) and, with `inMenu`, listed.
 */
export interface ConsoleRoute {
  /** Absolute path; `:param` segments as in react-router. */
  readonly path: string;
  readonly titleKey: MessageKey;
  readonly roles: readonly Role[];
  /** A code-split page (`() => import(…)`), or a small element rendered in place. */
  readonly page: (() => Promise<ComponentType>) | ReactNode;
  readonly icon?: ReactNode;
  /** Listed in the side menu (create and detail pages are reached from their list instead). */
  readonly inMenu: boolean;
  /** Only for these regulator agencies (the API's access row narrows the same way); every agency when absent. */
  readonly agencies?: readonly Agency[];
}



export const CONSOLE_ROUTES: readonly ConsoleRoute[] = [
  // Issue 16: every role's own inbox and notification settings, opened from the header's bell.
  { path: '/notifications', titleKey: 'ntf.title', roles: ALL_ROLES, page: pages.notifications, inMenu: false },

  // Platform operator (ACL-3): onboarding only, no tenant data.
  // Issue 14: the operator's home (first entry, so `/` lands on it): insurers by status, calendar years, health.
  { path: '/platform/home', titleKey: 'home.op.title', roles: AUDIENCE.operator, page: pages.operatorHome, icon: <HomeOutlined />, inMenu: true },
  { path: '/platform/tenants', titleKey: 'nav.platform.tenants', roles: AUDIENCE.operator, page: pages.tenantList, icon: <BankOutlined />, inMenu: true },
  { path: '/platform/tenants/new', titleKey: 'tenant.createTitle', roles: AUDIENCE.operator, page: pages.createTenant, inMenu: false },
  { path: '/platform/tenants/:tenantId', titleKey: 'tenant.detailTitle', roles: AUDIENCE.operator, page: pages.tenantDetail, inMenu: false },
  { path: '/platform/regulators', titleKey: 'nav.platform.regulators', roles: AUDIENCE.operator, page: pages.regulatorList, icon: <ApartmentOutlined />, inMenu: true },
  { path: '/platform/regulators/new', titleKey: 'regulator.createTitle', roles: AUDIENCE.operator, page: pages.createRegulator, inMenu: false },
  // CAL-2: next year's holiday schedule, previewed and loaded.
  { path: '/platform/calendar', titleKey: 'nav.platform.calendar', roles: AUDIENCE.operator, page: pages.calendar, icon: <CalendarOutlined />, inMenu: true },

  // Insurers (ACL-1): their own tenant's data.
  { path: '/insurer/dashboard', titleKey: 'nav.insurer.dashboard', roles: AUDIENCE.insurer, page: pages.insurerDashboard, icon: <DashboardOutlined />, inMenu: true },
  { path: '/insurer/qualification', titleKey: 'nav.insurer.qualification', roles: AUDIENCE.insurer, page: pages.qualification, icon: <SolutionOutlined />, inMenu: true },
  { path: '/insurer/underwriting', titleKey: 'nav.insurer.underwriting', roles: AUDIENCE.insurer, page: pages.policyList, icon: <FileProtectOutlined />, inMenu: true },
  { path: '/insurer/underwriting/new', titleKey: 'policy.create.title', roles: AUDIENCE.insurer, page: pages.createPolicy, inMenu: false },
  { path: '/insurer/underwriting/:policyId', titleKey: 'policy.detailTitle', roles: AUDIENCE.insurer, page: pages.policy, inMenu: false },
  { path: '/insurer/services', titleKey: 'nav.insurer.services', roles: AUDIENCE.insurer, page: pages.services, icon: <SafetyOutlined />, inMenu: true },
  { path: '/insurer/services/:serviceId', titleKey: 'svc.detail.title', roles: AUDIENCE.insurer, page: pages.service, inMenu: false },
  { path: '/insurer/hazards', titleKey: 'nav.insurer.hazards', roles: AUDIENCE.insurer, page: pages.hazardBoard, icon: <WarningOutlined />, inMenu: true },
  // MON-2 (issue 19): the 24-hour duty board of the mines' monitoring alarms, and the mines' data sources.
  { path: '/insurer/duty-board', titleKey: 'nav.insurer.dutyBoard', roles: AUDIENCE.insurer, page: pages.dutyBoard, icon: <MonitorOutlined />, inMenu: true },
  { path: '/insurer/monitoring-sources', titleKey: 'nav.insurer.dataSources', roles: AUDIENCE.insurer, page: pages.dataSources, icon: <SignalFilled />, inMenu: true },
  // SVC-11 (issue 15): the obligations still owed across all policies, overdue first.
  { path: '/insurer/obligation-list', titleKey: 'nav.insurer.obligationList', roles: AUDIENCE.insurer, page: pages.obligationList, icon: <AlertOutlined />, inMenu: true },
  { path: '/insurer/obligations', titleKey: 'nav.insurer.obligations', roles: AUDIENCE.insurer, page: pages.obligations, icon: <ScheduleOutlined />, inMenu: true },
  { path: '/insurer/archives/:archiveId', titleKey: 'archive.title', roles: AUDIENCE.insurer, page: pages.archive, inMenu: false },
  // SVC-10 (issue 18): opened from a policy (the insurer's, or a regulator's view of it), never from the menu.
  { path: '/archive/enterprises/:uscc', titleKey: 'folder.title', roles: [...AUDIENCE.insurer, ...AUDIENCE.regulator], page: pages.archiveFolder, inMenu: false },
  { path: '/insurer/fees', titleKey: 'nav.insurer.fees', roles: AUDIENCE.insurer, page: pages.fees, icon: <MoneyCollectOutlined />, inMenu: true },
  // RPT-1, RPT-4: the half-year and year reports, generated from the data, reviewed and submitted (报送).
  { path: '/insurer/reports', titleKey: 'nav.insurer.reports', roles: AUDIENCE.insurer, page: pages.reports, icon: <FileTextOutlined />, inMenu: true },
  { path: '/insurer/reports/:reportId', titleKey: 'rpt.detailTitle', roles: AUDIENCE.insurer, page: pages.report, inMenu: false },
  // RPT-3: the city EMB's (with the NFRA's) published evaluations of this insurer, its files and their SHA-256.
  { path: '/insurer/evaluations', titleKey: 'nav.insurer.evaluations', roles: AUDIENCE.insurer, page: pages.ownEvaluations, icon: <AuditOutlined />, inMenu: true },
  { path: '/insurer/evaluations/:evaluationId', titleKey: 'evl.detailTitle', roles: AUDIENCE.insurer, page: pages.ownEvaluation, inMenu: false },
  { path: '/insurer/refusals', titleKey: 'nav.insurer.refusals', roles: AUDIENCE.insurer, page: pages.refusals, icon: <StopOutlined />, inMenu: true },
  { path: '/insurer/complaints', titleKey: 'nav.insurer.complaints', roles: AUDIENCE.insurer, page: pages.complaintInbox, icon: <CommentOutlined />, inMenu: true },
  { path: '/insurer/complaints/:complaintId', titleKey: 'complaint.detailTitle', roles: AUDIENCE.insurer, page: pages.complaint, inMenu: false },
  { path: '/insurer/claims', titleKey: 'nav.insurer.claims', roles: AUDIENCE.insurer, page: pages.claims, icon: <AccountBookOutlined />, inMenu: true },
  // SUP-3 (issue 14): the 督办 notices addressed to the insurer, answered by its staff.
  { path: '/insurer/notices', titleKey: 'nav.insurer.notices', roles: AUDIENCE.insurer, page: pages.insurerNotices, icon: <FlagOutlined />, inMenu: true },
  // SYNC-1 (issue 17): the provincial sync's states, failures with reasons, retry and reconciliation.
  { path: '/insurer/sync', titleKey: 'nav.insurer.sync', roles: AUDIENCE.insurer, page: pages.insurerSync, icon: <CloudUploadOutlined />, inMenu: true },
  // Issue 17: the insurer admin's webhook endpoints, delivery log, replay, rotation and test events.
  { path: '/insurer/webhooks', titleKey: 'nav.webhooks', roles: AUDIENCE.insurerAdmin, page: pages.webhooks, icon: <ApiOutlined />, inMenu: true },
  { path: '/insurer/team', titleKey: 'nav.team', roles: AUDIENCE.insurerAdmin, page: pages.team, icon: <TeamOutlined />, inMenu: true },
  // Issue 14: who among the regulators read the insurer's data — the insurer admin's (ACCESS_LOG_READ).
  { path: '/insurer/access-log', titleKey: 'nav.insurer.accessLog', roles: AUDIENCE.insurerAdmin, page: pages.accessLog, icon: <EyeOutlined />, inMenu: true },

  // Regulators (ACL-2, ACL-4): read across insurers, write their own registers.
  // Issue 14: the regulators' home — the overview, every insurer, and (read-only) its policies, services and fee year.
  // The regulators' home (the first menu entry): the overview from the supervision counters.
  { path: '/regulator/overview', titleKey: 'nav.regulator.overview', roles: AUDIENCE.regulator, page: pages.supervisionOverview, icon: <DashboardOutlined />, inMenu: true },
  { path: '/regulator/insurers', titleKey: 'nav.regulator.insurers', roles: AUDIENCE.regulator, page: pages.supervisionInsurers, icon: <FundOutlined />, inMenu: true },
  { path: '/regulator/insurers/:tenantId/policies', titleKey: 'sup.policies.caption', roles: AUDIENCE.regulator, page: pages.supervisionPolicies, inMenu: false },
  { path: '/regulator/insurers/:tenantId/policies/:policyId', titleKey: 'sup.policy.title', roles: AUDIENCE.regulator, page: pages.supervisionPolicy, inMenu: false },
  { path: '/regulator/insurers/:tenantId/services', titleKey: 'sup.services.caption', roles: AUDIENCE.regulator, page: pages.supervisionServices, inMenu: false },
  { path: '/regulator/insurers/:tenantId/services/:serviceId', titleKey: 'sup.service.title', roles: AUDIENCE.regulator, page: pages.supervisionService, inMenu: false },
  // FEE_OVERSIGHT: the insurer-wide ledger is the city EMB's and the NFRA's to read (ACL-4).
  { path: '/regulator/insurers/:tenantId/fees', titleKey: 'sup.link.fees', roles: AUDIENCE.regulator, agencies: ['EMB_CITY', 'NFRA'], page: pages.supervisionFees, inMenu: false },
  { path: '/regulator/insurers/:tenantId/ledger', titleKey: 'sup.link.ledger', roles: AUDIENCE.regulator, agencies: ['EMB_CITY', 'NFRA'], page: pages.supervisionLedger, inMenu: false },
  { path: '/regulator/insurers/:tenantId/hazards', titleKey: 'sup.link.hazards', roles: AUDIENCE.regulator, page: pages.supervisionHazards, inMenu: false },
  { path: '/regulator/insurers/:tenantId/complaints', titleKey: 'sup.link.complaints', roles: AUDIENCE.regulator, page: pages.supervisionComplaints, inMenu: false },
  // QUALIFICATION_OVERSIGHT: filings are sent to the city EMB (QUAL-6).
  { path: '/regulator/insurers/:tenantId/qualification', titleKey: 'sup.link.qualification', roles: AUDIENCE.regulator, agencies: ['EMB_CITY'], page: pages.supervisionQualification, inMenu: false },
  // SUP-1..SUP-5: the 督办 notices regulators issued (issued from the insurers' pages, closed here).
  { path: '/regulator/notices', titleKey: 'nav.regulator.notices', roles: AUDIENCE.regulator, page: pages.supervisionNotices, icon: <BellOutlined />, inMenu: true },
  // SYNC-1, ACL-2/ACL-4: every insurer's upload states in scope.
  { path: '/regulator/sync', titleKey: 'nav.regulator.sync', roles: AUDIENCE.regulator, page: pages.regulatorSync, icon: <CloudUploadOutlined />, inMenu: true },
  // Issue 17 (ACL-2, ACL-4): the agency's webhook endpoints (a county EMB receives its county's events only).
  { path: '/regulator/webhooks', titleKey: 'nav.webhooks', roles: AUDIENCE.regulator, page: pages.webhooks, icon: <ApiOutlined />, inMenu: true },
  // RPT-1 (REPORT_OVERSIGHT): reports are submitted to the city EMB and the NFRA; a county EMB is not among them.
  { path: '/regulator/reports', titleKey: 'nav.regulator.reports', roles: AUDIENCE.regulator, agencies: ['EMB_CITY', 'NFRA'], page: pages.regulatorReports, icon: <FileTextOutlined />, inMenu: true },
  { path: '/regulator/reports/:reportId', titleKey: 'rpt.detailTitle', roles: AUDIENCE.regulator, agencies: ['EMB_CITY', 'NFRA'], page: pages.regulatorReport, inMenu: false },
  // RPT-3 (EVALUATION_OVERSIGHT): the city EMB evaluates each insurer with the NFRA; a county EMB takes no part.
  { path: '/regulator/evaluations', titleKey: 'nav.regulator.evaluations', roles: AUDIENCE.regulator, agencies: ['EMB_CITY', 'NFRA'], page: pages.regulatorEvaluations, icon: <AuditOutlined />, inMenu: true },
  { path: '/regulator/evaluations/:evaluationId', titleKey: 'evl.detailTitle', roles: AUDIENCE.regulator, agencies: ['EMB_CITY', 'NFRA'], page: pages.regulatorEvaluation, inMenu: false },
  { path: '/regulator/registers', titleKey: 'nav.regulator.registers', roles: AUDIENCE.regulator, page: pages.register, icon: <DatabaseOutlined />, inMenu: true },
  { path: '/regulator/coverage', titleKey: 'nav.regulator.coverage', roles: AUDIENCE.regulator, page: pages.coverageGap, icon: <PieChartOutlined />, inMenu: true },
  { path: '/regulator/service-orgs', titleKey: 'nav.regulator.serviceOrgs', roles: AUDIENCE.regulator, page: pages.serviceOrgs, icon: <ShopOutlined />, inMenu: true },
  { path: '/regulator/experts', titleKey: 'nav.regulator.experts', roles: AUDIENCE.regulator, page: pages.experts, icon: <UserSwitchOutlined />, inMenu: true },
  { path: '/regulator/blacklist', titleKey: 'nav.regulator.blacklist', roles: AUDIENCE.regulator, page: pages.blacklist, icon: <StopOutlined />, inMenu: true },
  { path: '/regulator/rule-sets', titleKey: 'nav.regulator.ruleSets', roles: AUDIENCE.regulator, page: pages.ruleSets, icon: <ControlOutlined />, inMenu: true },
  { path: '/regulator/refusals', titleKey: 'nav.regulator.refusals', roles: AUDIENCE.regulator, page: pages.regulatorRefusals, icon: <StopOutlined />, inMenu: true },
  { path: '/regulator/filings', titleKey: 'nav.regulator.filings', roles: AUDIENCE.regulator, agencies: ['EMB_CITY'], page: pages.qualificationFilings, icon: <AuditOutlined />, inMenu: true },
  { path: '/regulator/hazards', titleKey: 'nav.regulator.hazards', roles: AUDIENCE.regulator, page: pages.regulatorHazards, icon: <WarningOutlined />, inMenu: true },
  { path: '/regulator/complaints', titleKey: 'nav.regulator.complaints', roles: AUDIENCE.regulator, page: pages.escalatedComplaints, icon: <AlertOutlined />, inMenu: true },
  { path: '/regulator/claims', titleKey: 'nav.regulator.declinedClaims', roles: AUDIENCE.regulator, page: pages.declinedClaims, icon: <AccountBookOutlined />, inMenu: true },
  { path: '/regulator/team', titleKey: 'nav.team', roles: AUDIENCE.regulatorAdmin, page: pages.team, icon: <TeamOutlined />, inMenu: true },

  // Enterprises (ACL-5): their own policies, services, hazards, complaints.
  // Issue 14: the enterprise's home (first entry, so `/` lands on it): what awaits it, each a link.
  { path: '/my/home', titleKey: 'home.ent.title', roles: AUDIENCE.enterprise, page: pages.enterpriseHome, icon: <HomeOutlined />, inMenu: true },
  { path: '/my/policies', titleKey: 'nav.enterprise.policies', roles: AUDIENCE.enterprise, page: pages.myPolicies, icon: <FileProtectOutlined />, inMenu: true },
  { path: '/my/services', titleKey: 'nav.enterprise.services', roles: AUDIENCE.enterprise, page: pages.myServices, icon: <ToolOutlined />, inMenu: true },
  { path: '/my/hazards', titleKey: 'nav.enterprise.hazards', roles: AUDIENCE.enterprise, page: pages.myHazards, icon: <WarningOutlined />, inMenu: true },
  // MON-2: the mine's monitoring alarms and how its insurer handles them, read-only.
  { path: '/my/alarms', titleKey: 'nav.enterprise.alarms', roles: AUDIENCE.enterprise, page: pages.myAlarms, icon: <MonitorOutlined />, inMenu: true },
  { path: '/my/complaints', titleKey: 'nav.enterprise.complaints', roles: AUDIENCE.enterprise, page: pages.myComplaints, icon: <CommentOutlined />, inMenu: true },
  { path: '/my/complaints/new', titleKey: 'complaint.my.newTitle', roles: AUDIENCE.enterprise, page: pages.fileComplaint, inMenu: false },
  { path: '/my/complaints/:complaintId', titleKey: 'complaint.detailTitle', roles: AUDIENCE.enterprise, page: pages.myComplaint, inMenu: false },
  { path: '/my/claims', titleKey: 'nav.enterprise.claims', roles: AUDIENCE.enterprise, page: pages.myClaims, icon: <AccountBookOutlined />, inMenu: true },
];

export const menuRoutesFor = (role: Role, agency?: Agency): readonly ConsoleRoute[] =>
  CONSOLE_ROUTES.filter((route) => route.inMenu && route.roles.includes(role) && (!route.agencies || (agency !== undefined && route.agencies.includes(agency))));

/** Where a role lands after sign-in: its first menu entry. */
export function homePathFor(role: Role): string {
  return menuRoutesFor(role)[0]?.path ?? '/';
}

/** The menu entry a location belongs to (longest matching prefix), for highlighting. */
export function menuKeyFor(pathname: string, role: Role): string | undefined {
  return menuRoutesFor(role)
    .filter((route) => pathname === route.path || pathname.startsWith(`${route.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}

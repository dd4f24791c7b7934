import type { RouteSpec } from '../middleware/route.js';
import { claimFileRoutes } from './claims/file-routes.js';
import { claimRoutes } from './claims/routes.js';
import { complaintRoutes } from './complaints/routes.js';
import { evaluationFileRoutes } from './evaluations/file-routes.js';
import { evaluationRoutes } from './evaluations/routes.js';
import { feeFileRoutes } from './fees/file-routes.js';
import { feeRoutes } from './fees/routes.js';
import { monitoringRoutes } from './monitoring/routes.js';
import { platformRoutes } from './platform/routes.js';
import { underwritingFileRoutes } from './underwriting/file-routes.js';
import { underwritingRoutes } from './underwriting/routes.js';
import { registerFileRoutes } from './register/file-routes.js';
import { registerRoutes } from './register/routes.js';
import { reportFileRoutes } from './reports/file-routes.js';
import { reportRoutes } from './reports/routes.js';
import { serviceRoutes } from './services/routes.js';
import { supervisionRoutes } from './supervision/routes.js';
import { syncRoutes } from './sync/routes.js';
import { webhookRoutes } from './webhooks/routes.js';

/**
 * The Lambda functions that answer HTTP: one per bounded context, and a second, file function beside a context
 * whose file routes need a heavy library (exceljs, for XLSX imports and exports; the S3 client, for QUAL-4's
 * archive uploads), so that the context's everyday function does not carry it (issue 20). The CDK API stack, the local gateway, the OpenAPI generator and the
 * isolation test all read this list, so a function added here is deployed, served locally, documented and
 * tested for isolation without further wiring.
 */
export interface BoundedContext {
  readonly name: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly routes: readonly RouteSpec[];
  /** A context's file function works with that context's data and so takes its permissions (infra/stacks/context-permissions.ts). */
  readonly permissionsOf?: string;
}

export const BOUNDED_CONTEXTS: readonly BoundedContext[] = [
  { name: 'platform', entry: 'functions/http/platform/handler.ts', routes: platformRoutes },
  { name: 'complaints', entry: 'functions/http/complaints/handler.ts', routes: complaintRoutes },
  // CLM-1 (issue 19): claims on policies, the enterprise's view and the regulators' declines.
  { name: 'claims', entry: 'functions/http/claims/handler.ts', routes: claimRoutes },
  { name: 'claims-files', entry: 'functions/http/claims/files-handler.ts', routes: claimFileRoutes, permissionsOf: 'claims' },
  { name: 'underwriting', entry: 'functions/http/underwriting/handler.ts', routes: underwritingRoutes },
  {
    name: 'underwriting-files',
    entry: 'functions/http/underwriting/files-handler.ts',
    routes: underwritingFileRoutes,
    permissionsOf: 'underwriting',
  },
  { name: 'register', entry: 'functions/http/register/handler.ts', routes: registerRoutes },
  { name: 'register-files', entry: 'functions/http/register/files-handler.ts', routes: registerFileRoutes, permissionsOf: 'register' },
  { name: 'fees', entry: 'functions/http/fees/handler.ts', routes: feeRoutes },
  { name: 'fee-files', entry: 'functions/http/fees/files-handler.ts', routes: feeFileRoutes, permissionsOf: 'fees' },
  { name: 'services', entry: 'functions/http/services/handler.ts', routes: serviceRoutes },
  { name: 'supervision', entry: 'functions/http/supervision/handler.ts', routes: supervisionRoutes },
  // RPT-1, RPT-4: the insurers' half-year and year reports and the regulators' view of the submissions.
  { name: 'reports', entry: 'functions/http/reports/handler.ts', routes: reportRoutes },
  // RPT-1, RPT-2: generating, submitting and downloading report files (exceljs, pdfkit and the font, the S3 client).
  { name: 'reports-files', entry: 'functions/http/reports/files-handler.ts', routes: reportFileRoutes, permissionsOf: 'reports' },
  // RPT-3, BLK-1: the city EMB's evaluation of each insurer, published to it, and a failing result's 通报.
  { name: 'evaluations', entry: 'functions/http/evaluations/handler.ts', routes: evaluationRoutes },
  // RPT-3: publishing the evaluation's files, their links and re-hashing (exceljs, pdfkit and the font, the S3 client).
  {
    name: 'evaluations-files',
    entry: 'functions/http/evaluations/files-handler.ts',
    routes: evaluationFileRoutes,
    permissionsOf: 'evaluations',
  },
  // SYNC-1: the provincial sync's states, retries and reconciliation.
  { name: 'sync', entry: 'functions/http/sync/handler.ts', routes: syncRoutes },
  { name: 'webhooks', entry: 'functions/http/webhooks/handler.ts', routes: webhookRoutes },
  // MON-1, MON-2 (issue 19): mine data sources, ingest, thresholds and the duty board.
  { name: 'monitoring', entry: 'functions/http/monitoring/handler.ts', routes: monitoringRoutes },
];

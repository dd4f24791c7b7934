import type { RouteSpec } from '../middleware/route.js';
import { complaintRoutes } from './complaints/routes.js';
import { feeRoutes } from './fees/routes.js';
import { platformRoutes } from './platform/routes.js';
import { underwritingRoutes } from './underwriting/routes.js';
import { registerRoutes } from './register/routes.js';
import { serviceRoutes } from './services/routes.js';
import { supervisionRoutes } from './supervision/routes.js';

/**
 * The bounded contexts that answer HTTP, one Lambda function each. The CDK API stack, the local gateway,
 * the OpenAPI generator and the isolation test all read this list, so a context added here is deployed,
 * served locally, documented and tested for isolation without further wiring.
 */
export interface BoundedContext {
  readonly name: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly routes: readonly RouteSpec[];
}

export const BOUNDED_CONTEXTS: readonly BoundedContext[] = [
  { name: 'platform', entry: 'functions/http/platform/handler.ts', routes: platformRoutes },
  { name: 'complaints', entry: 'functions/http/complaints/handler.ts', routes: complaintRoutes },
  { name: 'underwriting', entry: 'functions/http/underwriting/handler.ts', routes: underwritingRoutes },
  { name: 'register', entry: 'functions/http/register/handler.ts', routes: registerRoutes },
  { name: 'fees', entry: 'functions/http/fees/handler.ts', routes: feeRoutes },
  { name: 'services', entry: 'functions/http/services/handler.ts', routes: serviceRoutes },
  { name: 'supervision', entry: 'functions/http/supervision/handler.ts', routes: supervisionRoutes },
];

import type * as z from 'zod/mini';
import type { Industry } from '../kernel/industry.js';
import type { registerEntrySchema } from './register-entry.schema.js';

/** Longest enterprise name, in characters: registered names are far shorter, but a register file is user input. */
export const ENTERPRISE_NAME_MAX_LENGTH = 200;
/** Longest reason for a size override (SCOPE-4). */
export const SIZE_OVERRIDE_REASON_MAX_LENGTH = 500;

/**
 * REG-1: one enterprise of the regulators' register (企业底数), the base of the coverage gap (UW-11); its fields
 * are documented on {@link registerEntrySchema}.
 *
 * @example
 * const entry: RegisterEntry = {
 *   uscc: '91140902100079190P', name: '忻府忻达煤业有限责任公司', industry: 'COAL_MINE', county: '140902',
 *   staff: 254, revenueWan: 1175, size: 'SMALL', registeredBy: 'emb-county-140902',
 *   updatedAt: '2026-03-02T01:00:00.000Z', version: 1,
 * };
 */
export type RegisterEntry = Readonly<z.output<typeof registerEntrySchema>>;

/** What a regulator states about an enterprise, validated, with the size already resolved (SCOPE-4). */
export type RegisterEntryInput = Omit<RegisterEntry, 'registeredBy' | 'updatedAt' | 'version'>;

/** Who writes: the regulator agency (its id) and, for a county EMB, the county it is bound to (ACL-4). */
export interface RegisterActor {
  readonly regulatorId: string;
  /** Set for a county EMB only: it writes and sees this county's entries, no other (ACL-4). */
  readonly county?: string;
}

/** The outcome of stating an entry: a new one, a changed one (with what it was), or nothing to write. */
export type RegisterChange =
  | { readonly kind: 'created'; readonly entry: RegisterEntry }
  | { readonly kind: 'updated'; readonly entry: RegisterEntry; readonly previous: RegisterEntry }
  | { readonly kind: 'unchanged'; readonly entry: RegisterEntry };

/** A change of a registered counter: one county × industry cell of REG-1's counts. */
export interface RegisteredCountDelta {
  readonly county: string;
  readonly industry: Industry;
  readonly delta: number;
}

import type { Principal } from '../identity/principal.js';
import { Forbidden } from '../kernel/errors.js';
import { regulatorIdOf } from './regulator.js';

/** Whose users a listing or lookup is confined to: an administrator's own organisation. */
export type UserOrg =
  | { readonly kind: 'tenant'; readonly tenantId: string }
  | { readonly kind: 'regulator'; readonly regulatorId: string }
  | { readonly kind: 'platform' }
  | { readonly kind: 'enterprise'; readonly uscc: string };

/** ACL-1/ACL-2: the organisation whose users an administrator manages — from its token, never from the request. */
export function userOrgOf(principal: Principal): UserOrg {
  if (principal.tenantId) return { kind: 'tenant', tenantId: principal.tenantId };
  if (principal.agency) return { kind: 'regulator', regulatorId: regulatorIdOf(principal.agency, principal.county) };
  if (principal.uscc) return { kind: 'enterprise', uscc: principal.uscc };
  if (principal.role === 'platform-operator') return { kind: 'platform' };
  throw new Forbidden('caller belongs to no organisation');
}

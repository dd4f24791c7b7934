/**
 * Whom one event is for, before anyone is looked up (issue 16): the recipient port turns each into users.
 * - `insurer`: the tenant's active insurer users (admins and staff), or its admins only;
 * - `every-insurer`: every tenant's, for a year-wide obligation raised without a tenant (QUAL-6, RPT-1);
 * - `enterprise`: the enterprise's account users, by USCC;
 * - `regulators`: the city EMB's and the NFRA's users, and the county EMB's when the item has a county (ACL-4);
 * - `agency`: the users of one agency (the issuer of a 督办 notice);
 * - `operators`: the platform operators (CAL-2).
 */
export type Audience =
  | { readonly kind: 'insurer'; readonly tenantId: string; /** Only the tenant's admins (what only they may open, e.g. 事件订阅). */ readonly adminsOnly?: boolean }
  | { readonly kind: 'every-insurer' }
  | { readonly kind: 'enterprise'; readonly uscc: string }
  | { readonly kind: 'regulators'; readonly county?: string }
  | { readonly kind: 'agency'; readonly regulatorId: string }
  | { readonly kind: 'operators' };

/** Which side of the console a recipient works in: decides the link its message opens. */
export type ConsoleSide = 'insurer' | 'enterprise' | 'regulator' | 'operator';

export const sideOf = (audience: Audience): ConsoleSide =>
  audience.kind === 'insurer' || audience.kind === 'every-insurer'
    ? 'insurer'
    : audience.kind === 'enterprise'
      ? 'enterprise'
      : audience.kind === 'operators'
        ? 'operator'
        : 'regulator';

/**
 * ACL-5, issue 21: which insurer an enterprise's write goes to, from a server-side record bound to the
 * enterprise's token — its policy with that insurer — never from the request body nor from a record's own
 * `tenantId` attribute. An enterprise writes through the insurer's tenant-scoped session (the record is the
 * insurer's), so the tenant it names must be one it really holds a policy with.
 */
export interface EnterpriseInsurers {
  /**
   * The insurer of the enterprise's policy `policyId`: the tenant whose partition holds that policy (the item's
   * own key, which only that tenant's session can have written), or `undefined` when the enterprise has no
   * such policy.
   */
  insurerOfPolicy(uscc: string, policyId: string): Promise<string | undefined>;
  /** Whether the enterprise holds (or held) a policy in `tenantId`'s partition — a lead's or a co-insurer's. */
  insures(uscc: string, tenantId: string): Promise<boolean>;
}

import type { Policy } from '../../api';

/** A policy offered in a picker: `保单号 · 企业名称`, searchable by either. */
export const policyOption = (policy: Pick<Policy, 'id' | 'policyNumber'> & { readonly enterprise: Pick<Policy['enterprise'], 'name'> }) => ({
  value: policy.id,
  label: `${policy.policyNumber} · ${policy.enterprise.name}`,
});

import { expect } from 'vitest';
import type { ApiClient } from './api-client.js';
import { XINDA, fileQualification, policyBody, registerEnterprises } from './underwriting-fixtures.js';

/**
 * CMP-1 (第十九条: 投保单位), issue 21: an enterprise complains about, and writes through, only an insurer it holds a
 * policy with. `insurerAdmin`'s insurer files this year's qualification and issues a one-year policy on
 * ent-demo's enterprise (XINDA, registered by `cityEmb` first unless `registered`).
 */
export async function insureXinda(insurerAdmin: ApiClient, cityEmb: ApiClient, options: { registered?: boolean } = {}): Promise<{ id: string; tenantId: string }> {
  if (!options.registered) await registerEnterprises(cityEmb, [XINDA]);
  const filed = await fileQualification(insurerAdmin, cityEmb);
  expect(filed.status, JSON.stringify(filed.body)).toBe(200);
  const issued = await insurerAdmin.post<{ id: string; tenantId: string }>('/policies', policyBody());
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body;
}

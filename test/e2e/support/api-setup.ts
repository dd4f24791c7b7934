import { randomUUID } from 'node:crypto';
import { usccCheckCharacter } from '../../../domain/kernel/uscc.js';
import { signInWithTotp } from '../../support/totp-sign-in.js';

/**
 * Test data through the public API (what another system would do), for tests about the console's
 * behaviour rather than about creating that data through its forms.
 */
export async function apiToken(baseUrl: string, username: string, password: string): Promise<string> {
  // Issue 21: the operator and regulators with an authenticator enrolled (the wallet is shared with the browser sign-in).
  const response = await signInWithTotp(baseUrl, username, password);
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken as string;
}

let serial = 0;

/** A USCC of the GB 32100 alphabet, new on every call, with its right (and a wrong) check character. */
export function freshUscc(): { valid: string; wrongCheck: string } {
  serial += 1;
  const unique = `${Date.now().toString(36)}${serial.toString(36)}`.toUpperCase().replace(/[IOSVZ]/g, '1').slice(-6);
  const first17 = `91140900MA0${unique}`;
  const check = usccCheckCharacter(first17);
  return { valid: first17 + check, wrongCheck: first17 + (check === '0' ? '1' : '0') };
}

export async function createTenant(baseUrl: string, token: string, name: string): Promise<{ id: string; name: string }> {
  const uscc = freshUscc().valid;
  const response = await fetch(`${baseUrl}/api/v1/platform/tenants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      name,
      uscc,
      branchName: `${name}分支`,
      admin: { username: `adm-${uscc.slice(-8).toLowerCase()}`, password: 'Seed-pass-2026', displayName: '种子管理员' },
    }),
  });
  if (response.status !== 201) throw new Error(`create tenant ${name}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; name: string };
}

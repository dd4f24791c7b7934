import { randomBytes } from 'node:crypto';
import { usccCheckCharacter } from '../../domain/kernel/uscc.js';

const DIGITS = '0123456789';

/** A USCC with a correct GB 32100-2015 check character, different on every call. */
export function validUscc(): string {
  const bytes = randomBytes(9);
  const first17 = `91140900${Array.from(bytes, (b) => DIGITS[b % 10]).join('')}`;
  return first17 + usccCheckCharacter(first17);
}

/** The same code with its check character replaced by a wrong one. */
export function withWrongCheckCharacter(uscc: string): string {
  const right = uscc.at(-1);
  return uscc.slice(0, 17) + (right === '0' ? '1' : '0');
}

let counter = 0;
export const unique = (prefix: string): string => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export function tenantBody(label: string, overrides: Record<string, unknown> = {}) {
  return {
    name: `测试财产保险股份有限公司忻州${label}分公司`,
    uscc: validUscc(),
    branchName: `测试${label}分公司`,
    admin: { username: unique(`adm-${label.toLowerCase()}-`), password: 'Admin-pass-2026', displayName: `${label}管理员` },
    ...overrides,
  };
}

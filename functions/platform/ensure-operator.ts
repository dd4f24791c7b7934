import { randomBytes } from 'node:crypto';
import type { IdentityDirectory } from '../../domain/platform/identity-directory.js';
import type { PlatformRepository } from '../../domain/platform/platform.repository.js';
import { createUser } from '../../domain/platform/user.rules.js';
import { hashPassword } from '../adapters/auth/password.js';
import { newId } from '../adapters/ids.js';

export interface OperatorBootstrap {
  readonly created: boolean;
  /** Set only when no password was given: shown once to whoever ran the bootstrap, stored nowhere in clear. */
  readonly generatedPassword?: string;
}

/**
 * The platform operator (user name `operator`, ARCHITECTURE.md §4), created once: by `npm start` locally and
 * by `npm run bootstrap:operator` after a deployment, with the same rule as every user — table first, then
 * the sign-in directory (Cognito on AWS). Run again, it does nothing; if the directory failed last time, it
 * finishes that registration instead (it then needs the password again).
 */
export async function ensureOperator(
  repository: PlatformRepository,
  directory: IdentityDirectory,
  password: string | undefined,
  now: Date,
): Promise<OperatorBootstrap> {
  const existing = await repository.getCredential('operator');
  if (existing && !existing.identityPending) return { created: false };
  if (existing) {
    if (!password) throw new Error('the operator exists but its sign-in identity is pending: run again with ANZE_OPERATOR_PASSWORD');
    const user = await repository.getUser({ kind: 'platform' }, existing.principal.userId);
    if (!user) throw new Error('the operator sign-in record names a user that does not exist');
    await directory.register(user, password);
    await repository.markIdentityRegistered('operator', await hashPassword(password));
    return { created: true };
  }
  // Fits PASSWORD_POLICY whatever the random part holds: upper and lower case, a symbol, a digit, 16 characters.
  const generated = password ? undefined : `Op-${randomBytes(9).toString('base64url')}7`;
  const chosen = password ?? generated ?? '';
  const created = createUser({ id: newId(now), username: 'operator', displayName: '平台运营', role: 'platform-operator' }, now);
  await repository.createUser({ kind: 'platform' }, created, await hashPassword(chosen), { identityPending: directory.external });
  await directory.register(created.state, chosen);
  if (directory.external) await repository.markIdentityRegistered('operator');
  return { created: true, generatedPassword: generated };
}

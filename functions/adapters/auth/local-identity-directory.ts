import type { User } from '../../../domain/platform/user.js';
import type { IdentityDirectory } from '../../../domain/platform/identity-directory.js';

/**
 * The local runtime's directory: nothing to do. Locally the credential record the platform use cases write
 * to the table in the same transaction as the user (`P#LOGIN#<username>`, its scrypt hash, role and
 * disabled flag) is itself the identity the local sign-in checks, so there is no second place to keep in step.
 */
export class LocalIdentityDirectory implements IdentityDirectory {
  readonly external = false;

  async register(_user: User, _password: string): Promise<void> {}

  async update(_user: User): Promise<void> {}

  /** Nothing to end locally: tokens are refused by their version at the next request. */
  async revokeSessions(_user: User): Promise<void> {}
}

import { localKeyPair, signLocalToken } from '../../functions/adapters/auth/local-tokens.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { mainTableName, sharedDynamoDb } from '../../functions/adapters/dynamodb/client.js';
import { systemClock } from '../../functions/adapters/clock.js';
import type { Credential } from '../../domain/platform/platform.repository.js';

/**
 * Issue 21: the demo seeding writes the regulators' records as the regulators (the city EMB keeps the register),
 * but a regulator signs in only with its authenticator — an enrolment-only token before it has one, a code after —
 * and the seeding is no person with an app. So for them it acts with a token the local runtime signs itself from
 * the user's sign-in record (its principal and token version, as `POST /auth/login` would), and leaves the
 * enrolment to the person's first sign-in in the console (README: signing in). Local only: on AWS there is no
 * local key and no demo.
 */
export async function seedActingToken(username: string): Promise<string> {
  const pair = localKeyPair();
  if (!pair) throw new Error('demo seeding: no local key pair (ANZE_LOCAL_JWT_KEY_FILE)');
  // The seeding runs in the local runtime's process, whose environment names the table (as the handlers read it).
  const credential = await new Store(sharedDynamoDb().doc, mainTableName(), systemClock).get<Credential>(keys.credential(username));
  if (!credential) throw new Error(`demo seeding: no user ${username}`);
  return signLocalToken(pair, { ...credential.principal, tokenVersion: credential.tokenVersion ?? 0 }, new Date());
}

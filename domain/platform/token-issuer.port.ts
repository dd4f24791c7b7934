import type { Principal } from '../identity/principal.js';

/**
 * Issues the signed token a local sign-in answers with (ARCHITECTURE.md §4): the same claims Cognito puts in
 * its ID tokens. On AWS there is none — Cognito signs — and the local sign-in route answers 404.
 */
export interface TokenIssuer {
  /** How long a token lives, in seconds. */
  readonly lifetimeSeconds: number;
  issue(principal: Principal, now: Date): Promise<string>;
}

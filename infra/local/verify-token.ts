import { verifyLocalToken, type LocalKeyPair } from '../../functions/adapters/auth/local-tokens.js';

/** The one answer to every refused token (issue 12 #11): no library text, nothing about which check failed. */
export const TOKEN_REFUSED = 'the bearer token is missing, malformed, expired or not ours';

export type TokenCheck =
  | { readonly ok: true; readonly claims: Record<string, string> }
  | { readonly ok: false; readonly message: string };

/**
 * The local twin of API Gateway's JWT authoriser, for the gateway: the `Authorization` header → the claims
 * as API Gateway hands them to Lambda (every value a string), or the fixed refusal. Why a token was refused
 * is for the log only (`onRefused`), never for the caller.
 */
export async function verifyBearer(
  keyPair: LocalKeyPair,
  authorization: string | undefined,
  onRefused: (reason: string) => void = () => undefined,
): Promise<TokenCheck> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return { ok: false, message: 'a bearer token is required' };
  try {
    return { ok: true, claims: stringifyClaims(await verifyLocalToken(keyPair, token)) };
  } catch (error) {
    onRefused(error instanceof Error ? error.message : String(error));
    return { ok: false, message: TOKEN_REFUSED };
  }
}

/** API Gateway hands JWT claims to Lambda as strings (numbers and booleans included; arrays as JSON). */
function stringifyClaims(payload: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
  );
}

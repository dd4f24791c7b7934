/**
 * The client half of Cognito's SRP sign-in (USER_SRP_AUTH → PASSWORD_VERIFIER), so the password never leaves
 * the browser: only A, then a proof derived from the server's B and salt, go to Cognito. No library: BigInt and
 * WebCrypto are all it takes, and the console ships no Amplify. The constants and derivations are Cognito's
 * (the 3072-bit group of RFC 5054, g = 2, the "Caldera Derived Key" HKDF), as its own SDKs compute them.
 */

/** RFC 5054's 3072-bit group (RFC 3526 group 15), the one Cognito uses. */
const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const G = 2n;
export const SRP_GROUP = { N, g: G } as const;

const encoder = new TextEncoder();

/** Hex of a non-negative integer as Cognito pads it: even length, and a leading 00 when the top bit is set. */
export function padHex(value: bigint): string {
  const hex = value.toString(16);
  if (hex.length % 2 === 1) return `0${hex}`;
  return '89abcdef'.includes(hex[0] ?? '') ? `00${hex}` : hex;
}

export function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

const bytesToHex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

async function hmac(key: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, message as BufferSource));
}

/** SHA-256 of the bytes a hex string spells, as 64 hex digits. */
const hexHash = async (hex: string): Promise<string> => bytesToHex(await sha256(hexToBytes(hex)));

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

function randomBigInt(bytes: number): bigint {
  return BigInt(`0x${bytesToHex(crypto.getRandomValues(new Uint8Array(bytes)))}`);
}

/** One sign-in's secret `a` and public `A = g^a mod N` (never 0 mod N). */
export interface SrpClientKey {
  readonly a: bigint;
  readonly A: bigint;
}

export function newSrpClientKey(random: (bytes: number) => bigint = randomBigInt): SrpClientKey {
  for (;;) {
    const a = random(128) % N;
    const A = modPow(G, a, N);
    if (a !== 0n && A % N !== 0n) return { a, A };
  }
}

/** The PASSWORD_VERIFIER challenge's parameters (InitiateAuth USER_SRP_AUTH's answer). */
export interface PasswordVerifierChallenge {
  readonly SALT: string;
  readonly SRP_B: string;
  readonly SECRET_BLOCK: string;
  readonly USER_ID_FOR_SRP: string;
}

/** Cognito's timestamp: `Tue Mar 7 09:05:03 UTC 2023` (day of month unpadded, UTC). */
export function cognitoTimestamp(now: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (value: number) => String(value).padStart(2, '0');
  return `${days[now.getUTCDay()]} ${months[now.getUTCMonth()]} ${now.getUTCDate()} ${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(
    now.getUTCSeconds(),
  )} UTC ${now.getUTCFullYear()}`;
}

/**
 * The ChallengeResponses of RespondToAuthChallenge(PASSWORD_VERIFIER): the proof that we know the password for
 * the server's B and salt. Refuses a B that is 0 mod N (a malicious server could otherwise learn the key).
 */
export async function passwordVerifierResponses(
  userPoolId: string,
  key: SrpClientKey,
  challenge: PasswordVerifierChallenge,
  password: string,
  now: Date,
): Promise<Record<string, string>> {
  const poolName = userPoolId.split('_')[1] ?? '';
  const B = BigInt(`0x${challenge.SRP_B}`);
  if (B % N === 0n) throw new Error('SRP: the server sent B ≡ 0 mod N');
  const salt = BigInt(`0x${challenge.SALT}`);
  const k = BigInt(`0x${await hexHash(padHex(N) + padHex(G))}`);
  const u = BigInt(`0x${await hexHash(padHex(key.A) + padHex(B))}`);
  if (u === 0n) throw new Error('SRP: u is 0');
  const identity = bytesToHex(await sha256(encoder.encode(`${poolName}${challenge.USER_ID_FOR_SRP}:${password}`)));
  const x = BigInt(`0x${await hexHash(padHex(salt) + identity)}`);
  const S = modPow(B - k * modPow(G, x, N), key.a + u * x, N);
  // HKDF-SHA256 (one block): PRK = HMAC(u, S); key = HMAC(PRK, "Caldera Derived Key" ‖ 0x01)[0..16).
  const prk = await hmac(hexToBytes(padHex(u)), hexToBytes(padHex(S)));
  const derived = (await hmac(prk, encoder.encode('Caldera Derived Key\u0001'))).slice(0, 16);
  const timestamp = cognitoTimestamp(now);
  const secretBlock = Uint8Array.from(atob(challenge.SECRET_BLOCK), (char) => char.charCodeAt(0));
  const message = new Uint8Array([
    ...encoder.encode(poolName),
    ...encoder.encode(challenge.USER_ID_FOR_SRP),
    ...secretBlock,
    ...encoder.encode(timestamp),
  ]);
  const signature = await hmac(derived, message);
  return {
    USERNAME: challenge.USER_ID_FOR_SRP,
    PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK,
    PASSWORD_CLAIM_SIGNATURE: btoa(String.fromCharCode(...signature)),
    TIMESTAMP: timestamp,
  };
}

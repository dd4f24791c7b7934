/**
 * MON-2: a data source's API key — issued once (the caller sees it once), kept only as its SHA-256 with a
 * public lookup prefix, and checked in constant time.
 */
export interface ApiKeys {
  /** A new key: the text to hand over once, its public prefix (`anzm_<id>`), the id to look it up by, its hash. */
  issue(): { readonly apiKey: string; readonly keyPrefix: string; readonly lookupId: string; readonly keyHash: string };
  /** The lookup id and public prefix of a presented key, or undefined when it is not shaped like one of ours. */
  parse(apiKey: string): { readonly lookupId: string; readonly keyPrefix: string } | undefined;
  /** Whether `apiKey` is the key whose hash is `keyHash` (constant time). */
  matches(apiKey: string, keyHash: string): boolean;
}

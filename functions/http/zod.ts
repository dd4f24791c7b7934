import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod/mini without its full locale set keeps bundles and cold starts small (STYLE.md); the English
 * messages alone are enough for clear 400s. The validation middleware imports this module, so the messages
 * are on before any request is parsed.
 *
 * Schema modules import `* as z from 'zod/mini'` themselves: re-exporting the namespace from here would make
 * esbuild keep all of zod, every locale included (measured: ~380 KB more per function).
 */
z.config(en());

/** A path or query id: letters, digits, `_` and `-`, as every id this platform issues (ULIDs, user ids). */
export const idParam = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'not an id'));

/** Listing query: `limit` 1..100 (default 20) and the opaque `cursor` of the previous page. */
export const pageQuery = {
  limit: z._default(
    z.coerce.number().check(z.refine(Number.isInteger, 'must be a whole number'), z.minimum(1), z.maximum(100)),
    20,
  ),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
};

/**
 * Issue 15's search box (`q`): an enterprise name (or part of one), a USCC or a policy number, 1..100
 * characters once trimmed, no control characters. Blank is a 400 rather than "no search": the console leaves
 * `q` out when the box is empty.
 */
export const searchParam = z.optional(
  z.string().check(
    z.trim(),
    z.minLength(1, 'q must not be blank'),
    z.maxLength(100, 'q must be at most 100 characters'),
    z.regex(/^[^\u0000-\u001f\u007f]*$/, 'q must not contain control characters'),
  ),
);

/** Issues 14/15: the rows matching the list's filters, answered with the first page (no `cursor`). */
export const pageTotal = z.optional(z.int().check(z.minimum(0)));

export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.optional(z.string()), total: pageTotal });

/**
 * Schemas the contract documents name as components (functions/http/openapi.ts): an identical schema anywhere
 * in a route becomes a `$ref` to its id. Entity schemas need no entry: a schema used by two routes is shared
 * and named from its use (see functions/http/json-schema-components.ts).
 */
export const contractSchemas = z.registry<{ id: string }>();

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    rule: z.optional(z.string()),
    details: z.optional(
      z.array(
        z.object({ field: z.optional(z.string()), message: z.string(), rule: z.optional(z.string()), row: z.optional(z.number()) }),
      ),
    ),
  }),
});

contractSchemas.add(errorSchema, { id: 'Error' });

/**
 * Where a cursor-paginated list stands. The API only goes forward (`nextCursor`), so the cursors of the
 * pages already seen are kept: `cursors[i]` fetches page i (`undefined` for the first page).
 */
export interface CursorStack {
  /** The query (filters, page size) these cursors belong to. */
  readonly key: string;
  readonly cursors: readonly (string | undefined)[];
  readonly index: number;
}

export const firstPage = (key: string): CursorStack => ({ key, cursors: [undefined], index: 0 });

/** Forward to the page after the current one; pages beyond it (seen before going back) are forgotten. */
export const nextPage = (stack: CursorStack, nextCursor: string): CursorStack => ({
  ...stack,
  cursors: [...stack.cursors.slice(0, stack.index + 1), nextCursor],
  index: stack.index + 1,
});

export const previousPage = (stack: CursorStack): CursorStack => ({ ...stack, index: Math.max(0, stack.index - 1) });

export const currentCursor = (stack: CursorStack): string | undefined => stack.cursors[stack.index];

/** The same stack while the query is unchanged; the first page of a new query otherwise. */
export const forQuery = (stack: CursorStack, key: string): CursorStack => (stack.key === key ? stack : firstPage(key));

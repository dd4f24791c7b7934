import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api';
import { currentCursor, firstPage, forQuery, nextPage, previousPage } from './cursor-stack';

export interface CursorPageRequest {
  readonly cursor?: string;
  readonly limit: number;
}

export type FetchPage<Row> = (request: CursorPageRequest, signal: AbortSignal) => Promise<Page<Row>>;

export interface CursorPages<Row> {
  readonly rows: readonly Row[];
  readonly loading: boolean;
  readonly error: unknown;
  /** 0-based index of the page shown. */
  readonly pageIndex: number;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
  readonly next: () => void;
  readonly previous: () => void;
  readonly reload: () => void;
}

/**
 * Server-side pagination over the API's opaque cursors (see cursor-stack.ts): "previous" steps back over
 * the cursors already seen, "next" pushes the answer's `nextCursor`.
 * Changing `queryKey` (filters, page size) starts again at the first page.
 */
export function useCursorPages<Row>(fetchPage: FetchPage<Row>, queryKey: string, limit: number, reloadToken = 0): CursorPages<Row> {
  const fetchRef = useRef(fetchPage);
  // The latest function, without making every render a reason to fetch again.
  useEffect(() => {
    fetchRef.current = fetchPage;
  });

  const [position, setPosition] = useState(() => firstPage(queryKey));
  // A new query resets the stack during render, so no request goes out for a stale cursor.
  const current = forQuery(position, queryKey);
  if (current !== position) setPosition(current);

  const [reloads, setReloads] = useState(0);
  const [answer, setAnswer] = useState<{ rows: readonly Row[]; nextCursor?: string; error?: unknown; loading: boolean }>({
    rows: [],
    loading: true,
  });

  const cursor = currentCursor(current);
  useEffect(() => {
    const controller = new AbortController();
    setAnswer((previous) => ({ ...previous, loading: true, error: undefined }));
    fetchRef.current({ cursor, limit }, controller.signal).then(
      (page) => {
        if (!controller.signal.aborted) setAnswer({ rows: page.items, nextCursor: page.nextCursor, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setAnswer({ rows: [], error, loading: false });
      },
    );
    return () => controller.abort();
  }, [queryKey, cursor, limit, reloads, reloadToken]);

  const next = useCallback(() => {
    const nextCursor = answer.nextCursor;
    if (!nextCursor || answer.loading) return;
    setPosition((stack) => nextPage(stack, nextCursor));
  }, [answer.nextCursor, answer.loading]);

  const previous = useCallback(() => setPosition(previousPage), []);
  const reload = useCallback(() => setReloads((count) => count + 1), []);

  return {
    rows: answer.rows,
    loading: answer.loading,
    error: answer.error,
    pageIndex: current.index,
    hasPrevious: current.index > 0,
    hasNext: Boolean(answer.nextCursor) && !answer.loading,
    next,
    previous,
    reload,
  };
}

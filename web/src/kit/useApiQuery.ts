import { useCallback, useEffect, useRef, useState } from 'react';

export interface ApiQuery<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * Loads one thing (a detail page's object) and reloads when `key` changes; the previous request is
 * aborted. For lists use {@link DataTable}.
 * @example const tenant = useApiQuery(`tenant:${id}`, (signal) => api.platform.getTenant(id, signal));
 */
export function useApiQuery<T>(key: string, load: (signal: AbortSignal) => Promise<T>): ApiQuery<T> {
  const loadRef = useRef(load);
  // The latest function, without making every render a reason to fetch again.
  useEffect(() => {
    loadRef.current = load;
  });
  const [reloads, setReloads] = useState(0);
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      },
    );
    return () => controller.abort();
  }, [key, reloads]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

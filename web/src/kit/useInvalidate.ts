import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys, type QueryContext } from '../api/query-keys';

/**
 * After a change in a context: refetch every query of that context (its lists and the detail pages open).
 * @example const invalidate = useInvalidate('complaints'); … onDone={() => { void message.success(…); invalidate(); }}
 */
export function useInvalidate(...contexts: readonly QueryContext[]): () => void {
  const queryClient = useQueryClient();
  const key = contexts.join(',');
  return useCallback(() => {
    for (const context of key.split(',') as QueryContext[]) void queryClient.invalidateQueries({ queryKey: queryKeys[context] });
  }, [queryClient, key]);
}

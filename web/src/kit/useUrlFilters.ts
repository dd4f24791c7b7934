import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type FilterValues<Name extends string = string> = Readonly<Record<Name, string>>;

export interface UrlFilters<Name extends string> {
  /** Every filter, `''` when absent from the URL. */
  readonly filters: FilterValues<Name>;
  /** True when at least one filter has a value. */
  readonly active: boolean;
  /** Replaces the filters in the URL (empty values are removed); other search params are kept. */
  readonly setFilters: (next: Partial<Record<Name, string>>) => void;
  readonly clearFilters: () => void;
}

/**
 * Filters that live in the URL's search params, so a filtered view can be bookmarked, shared and
 * restored with the browser's back button.
 * @example const { filters, setFilters } = useUrlFilters(['q', 'status']);
 */
export function useUrlFilters<Name extends string>(names: readonly Name[]): UrlFilters<Name> {
  const [searchParams, setSearchParams] = useSearchParams();
  const namesKey = names.join('\u0000');

  // `names` is compared by content, not identity: callers may pass a fresh array on every render.
  const filters = useMemo(() => {
    const values = {} as Record<Name, string>;
    for (const name of splitNames<Name>(namesKey)) values[name] = searchParams.get(name) ?? '';
    return values;
  }, [searchParams, namesKey]);

  const setFilters = useCallback(
    (next: Partial<Record<Name, string>>) => {
      setSearchParams((current) => {
        const params = new URLSearchParams(current);
        for (const name of splitNames<Name>(namesKey)) {
          const value = (next[name] ?? '').trim();
          if (value) params.set(name, value);
          else params.delete(name);
        }
        return params;
      });
    },
    [setSearchParams, namesKey],
  );

  const clearFilters = useCallback(() => setFilters({}), [setFilters]);
  const active = names.some((name) => filters[name] !== '');
  return { filters, active, setFilters, clearFilters };
}

const splitNames = <Name extends string>(key: string): Name[] => (key ? (key.split('\u0000') as Name[]) : []);

/** The page size, also kept in the URL (`limit`), bounded to the offered sizes. */
export function useUrlPageSize(sizes: readonly number[], fallback: number): [number, (size: number) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = Number(searchParams.get('limit'));
  const size = sizes.includes(requested) ? requested : fallback;
  const setSize = useCallback(
    (next: number) =>
      setSearchParams((current) => {
        const params = new URLSearchParams(current);
        if (next === fallback) params.delete('limit');
        else params.set('limit', String(next));
        return params;
      }),
    [setSearchParams, fallback],
  );
  return [size, setSize];
}

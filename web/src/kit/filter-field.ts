/** A filter of a {@link DataTable}'s toolbar; its `name` is the URL search param and the API query param. */
export type FilterField =
  | { readonly kind: 'text'; readonly name: string; readonly label: string; readonly placeholder?: string }
  | {
      readonly kind: 'select';
      readonly name: string;
      readonly label: string;
      readonly options: readonly { readonly value: string; readonly label: string }[];
    };

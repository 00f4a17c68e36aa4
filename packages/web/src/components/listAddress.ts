import { useSearchParams } from 'react-router';
import type { TablePaginationConfig } from 'antd/es/table';
import type { ListColumn } from './PagedTable';
import type { SorterResult } from 'antd/es/table/interface';

export type AddressChange = Record<string, string | number | undefined>;
type Order = 'asc' | 'desc';

/** A list's paging, sorting and filters kept in the address, so that links (home cards, figures) open it filtered. */
export function useListAddress() {
  const [searchParams, setSearchParams] = useSearchParams();
  /** Sets or (when empty) removes each parameter; a new filter starts again at the first page. */
  function update(next: AddressChange, resetPage = true) {
    const merged = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '' || value === null) merged.delete(key);
      else merged.set(key, String(value));
    }
    if (resetPage) merged.delete('page');
    setSearchParams(merged, { replace: true });
  }
  return { searchParams, update, clear: () => setSearchParams(new URLSearchParams(), { replace: true }) };
}

/**
 * The address change of a table's paging and sorting in one, so neither overwrites the other; a new sort
 * starts again at the first page. `fallback` is the list's order when no column is sorted.
 */
export function tableChange<T>(
  pagination: TablePaginationConfig,
  sorter: SorterResult<T> | SorterResult<T>[],
  current: { sort?: string | number; order?: string | number },
  fallback: { sort?: string; order: Order },
): AddressChange {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  const sort = one?.order ? String(one.columnKey ?? one.field ?? '') : undefined;
  const order: Order | undefined = sort ? (one?.order === 'descend' ? 'desc' : 'asc') : undefined;
  const sortChanged =
    (sort ?? fallback.sort) !== current.sort ||
    (order ?? fallback.order) !== (current.order ?? fallback.order);
  return { page: sortChanged ? undefined : pagination.current, pageSize: pagination.pageSize, sort, order };
}

/** Marks the sortable column the list is sorted by, so the table shows the address's order. */
export function withSortOrder<T>(
  columns: ListColumn<T>[],
  sort: string | number | undefined,
  order: string | number | undefined,
): ListColumn<T>[] {
  return columns.map((c) =>
    c.sorter && c.key
      ? {
          ...c,
          sortOrder: sort === c.key ? (order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null,
        }
      : c,
  );
}

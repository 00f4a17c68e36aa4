import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { Tag } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import {
  readingNoteStateLabels,
  speechModeLabels,
  speechStateLabels,
  suggestionStateLabels,
  type ReadingNoteState,
  type SpeechState,
  type SuggestionState,
} from '@cppcc/shared';
import { PagedTable } from '../../../components/PagedTable';
import { tableChange, useListAddress } from '../../../components/listAddress';
import { options } from '../../../components/schemaFields';
import { CardList } from '../ListFilters';
import { addressParams } from '../common';

const suggestionColors: Record<SuggestionState, string> = {
  proposed: 'default',
  sent: 'blue',
  adopted: 'cyan',
  implemented: 'green',
  notAdopted: 'orange',
};
const speechColors: Record<SpeechState, string> = {
  submitted: 'blue',
  accepted: 'green',
  selected: 'gold',
  declined: 'orange',
  withdrawn: 'default',
};
const noteColors: Record<ReadingNoteState, string> = {
  submitted: 'green',
  returned: 'orange',
  withdrawn: 'default',
};

export const SuggestionStateTag = ({ state }: { state: SuggestionState }) => (
  <Tag color={suggestionColors[state]}>{suggestionStateLabels[state]}</Tag>
);
export const SpeechStateTag = ({ state }: { state: SpeechState }) => (
  <Tag color={speechColors[state]}>{speechStateLabels[state]}</Tag>
);
export const ReadingNoteStateTag = ({ state }: { state: ReadingNoteState }) => (
  <Tag color={noteColors[state]}>{readingNoteStateLabels[state]}</Tag>
);

export const suggestionStateOptions = options(suggestionStateLabels);
export const speechStateOptions = options(speechStateLabels);
export const speechModeOptions = options(speechModeLabels);
export const readingNoteStateOptions = options(readingNoteStateLabels);

/** A yes-only filter (the API takes `true` or nothing): 仅逾期, 仅已采纳 … */
export const onlyOption = (label: string) => [{ value: 'true', label }];

/** A list's query from the address: its filters, paging and sorting (the fallback when none is chosen). */
export function useOutcomeListParams(
  filterKeys: readonly string[],
  narrow: boolean,
  fallback: { sort: string; order: 'asc' | 'desc' },
  fixed: Record<string, string> = {},
) {
  const { searchParams, update } = useListAddress();
  const params = useMemo(
    () => ({
      ...addressParams(searchParams, filterKeys),
      ...fixed,
      page: Number(searchParams.get('page') ?? 1) || 1,
      pageSize: Number(searchParams.get('pageSize') ?? (narrow ? 10 : 20)) || 20,
      sort: searchParams.get('sort') ?? fallback.sort,
      order: searchParams.get('order') ?? fallback.order,
    }),
    // `fixed` and the keys are constants of the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [searchParams, narrow],
  );
  const { page, pageSize, ...exportQuery } = params;
  const onTable = <T,>(pager: TablePaginationConfig, sorter: SorterResult<T> | SorterResult<T>[]) =>
    update(tableChange(pager, sorter, params, fallback), false);
  return { searchParams, update, params, page, pageSize, exportQuery, onTable };
}

/**
 * One page of records that carry their own buttons: cards on a phone (the buttons in the card), a
 * table on a wide screen (the buttons in a column).
 */
export function OutcomeList<T extends { id: number }>(props: {
  narrow: boolean;
  list: { data?: { items: T[]; total: number }; isFetching: boolean };
  page: number;
  pageSize: number;
  countWord: string;
  emptyText: string;
  card: (row: T) => ReactNode;
  onPage: (page: number, pageSize: number) => void;
  columns: ColumnsType<T>;
  onTable: (pager: TablePaginationConfig, sorter: SorterResult<T> | SorterResult<T>[]) => void;
  rowStyle?: (row: T) => CSSProperties | undefined;
  expanded?: (row: T) => ReactNode;
}) {
  if (props.narrow)
    return (
      <CardList<T>
        list={props.list}
        page={props.page}
        pageSize={props.pageSize}
        countWord={props.countWord}
        emptyText={props.emptyText}
        onPage={(p) => props.onPage(p, props.pageSize)}
        card={props.card}
      />
    );
  return (
    <PagedTable<T>
      list={props.list}
      page={props.page}
      pageSize={props.pageSize}
      countWord={props.countWord}
      locale={{ emptyText: props.emptyText }}
      columns={props.columns}
      onChange={(pager, _f, sorter) => props.onTable(pager, sorter)}
      onRow={(row) => ({ style: props.rowStyle?.(row) })}
      expandable={props.expanded ? { expandedRowRender: props.expanded } : undefined}
    />
  );
}

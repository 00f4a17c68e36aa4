import type { Key, ReactNode } from 'react';
import { Link } from 'react-router';
import { Flex, List, type TableProps } from 'antd';
import { PagedTable, type ListColumn } from './PagedTable';

/**
 * One page of a list: a table on wide screens, cards that open the record on phones (with the small
 * pager below them). `table` is what the table needs beyond the rows (columns, sorting, selection).
 */
export function CardsOrTable<T extends { id: number }>(props: {
  narrow: boolean;
  list: { data?: { items: T[]; total: number }; isFetching: boolean; refetch?: () => unknown };
  page: number;
  pageSize: number;
  /** The measure word of the total: 共 12 件. */
  countWord: string;
  emptyText: string;
  /** The phone card of a row, and where it leads. */
  card: (row: T) => ReactNode;
  link: (row: T) => string;
  onPage: (page: number, pageSize: number) => void;
  /** Rows that are not one per record (one per rating …) say their own key. */
  rowKey?: (row: T) => Key;
  table: Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'columns'> & {
    columns: ListColumn<T>[];
  };
  /** The list's own buttons (新增, 批量 …, 导出): the table's toolbar, or a row above the cards. */
  actions?: ReactNode;
}) {
  const { list, page, pageSize, countWord, emptyText } = props;
  if (!props.narrow)
    return (
      <PagedTable<T>
        list={list}
        page={page}
        pageSize={pageSize}
        countWord={countWord}
        actions={props.actions}
        locale={{ emptyText }}
        {...(props.rowKey && { rowKey: props.rowKey })}
        {...props.table}
      />
    );
  return (
    <>
      {props.actions && (
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          {props.actions}
        </Flex>
      )}
      <List
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total: number) => `共 ${total} ${countWord}`,
          size: 'small',
          onChange: props.onPage,
        }}
        renderItem={(row) => (
          <List.Item key={props.rowKey?.(row) ?? row.id} style={{ paddingInline: 0 }}>
            <Link to={props.link(row)} style={{ display: 'block', width: '100%', color: 'inherit' }}>
              {props.card(row)}
            </Link>
          </List.Item>
        )}
      />
    </>
  );
}

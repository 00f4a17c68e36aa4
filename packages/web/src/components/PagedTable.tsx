import { Table, type TableProps } from 'antd';

/** The table of one page of a list, with the page size to choose and the total below it. */
export function PagedTable<T extends { id: number }>({
  list,
  page,
  pageSize,
  countWord = '条',
  ...table
}: Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> & {
  list: { data?: { items: T[]; total: number }; isFetching: boolean };
  page: number;
  pageSize: number;
  /** The measure word of the total: 共 12 条. */
  countWord?: string;
}) {
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page,
        pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => `共 ${total} ${countWord}`,
      }}
      {...table}
    />
  );
}

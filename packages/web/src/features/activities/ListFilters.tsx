import type { ReactNode } from 'react';
import { Flex, Form, List, Tag } from 'antd';
import { FilterBar, type FilterField } from '../../components/FilterBar';
import { useListAddress, type AddressChange } from '../../components/listAddress';

/**
 * The filter bar of an activity list, kept in the address, and the address's filters the bar does not
 * show (those a figure hands over) as tags that can be closed.
 */
export function ListFilters(props: {
  fields: FilterField[];
  narrow: boolean;
  initialValues: Record<string, unknown>;
  /** The address change of the bar's values. */
  toAddress: (values: Record<string, unknown>) => AddressChange;
  tags: Record<string, (value: string) => string>;
}) {
  const { searchParams, update, clear } = useListAddress();
  const [form] = Form.useForm();
  const chips = Object.entries(props.tags).flatMap(([key, text]) => {
    const value = searchParams.get(key);
    return value
      ? [
          <Tag key={key} closable onClose={() => update({ [key]: undefined })}>
            {text(value)}
          </Tag>,
        ]
      : [];
  });
  return (
    <>
      <FilterBar<Record<string, unknown>>
        form={form}
        fields={props.fields}
        narrow={props.narrow}
        gap={12}
        initialValues={props.initialValues}
        onApply={(values) => update(props.toAddress(values))}
        onReset={() => {
          form.resetFields();
          clear();
        }}
      />
      {chips.length > 0 && (
        <Flex gap={4} wrap style={{ marginBottom: 12 }}>
          {chips}
        </Flex>
      )}
    </>
  );
}

/**
 * One page of records as cards with buttons of their own (so not the links of CardsOrTable's cards),
 * with the small pager below.
 */
export function CardList<T extends { id: number }>(props: {
  list: { data?: { items: T[]; total: number }; isFetching: boolean };
  page: number;
  pageSize: number;
  countWord: string;
  emptyText: string;
  onPage: (page: number) => void;
  card: (row: T) => ReactNode;
}) {
  return (
    <List
      loading={props.list.isFetching}
      dataSource={props.list.data?.items ?? []}
      locale={{ emptyText: props.emptyText }}
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.list.data?.total ?? 0,
        size: 'small',
        showTotal: (total) => `共 ${total} ${props.countWord}`,
        onChange: props.onPage,
      }}
      renderItem={(row) => (
        <List.Item key={row.id} style={{ paddingInline: 0 }}>
          {props.card(row)}
        </List.Item>
      )}
    />
  );
}

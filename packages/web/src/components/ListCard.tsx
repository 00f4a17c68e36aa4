import type { ReactNode } from 'react';
import { Card, List } from 'antd';

/**
 * A section of a record's detail that lists records, one line each; `children` come before the list.
 * An `optional` section is left out when there is nothing to list.
 */
export function ListCard<T>(props: {
  title: string;
  items: T[];
  render: (item: T) => ReactNode;
  emptyText?: string;
  optional?: boolean;
  children?: ReactNode;
}) {
  if (props.optional && props.items.length === 0) return null;
  return (
    <Card title={props.title} size="small">
      {props.children}
      <List
        size="small"
        dataSource={props.items}
        locale={props.emptyText ? { emptyText: props.emptyText } : undefined}
        renderItem={(item) => <List.Item>{props.render(item)}</List.Item>}
      />
    </Card>
  );
}

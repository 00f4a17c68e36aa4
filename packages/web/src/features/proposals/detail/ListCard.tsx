import type { ReactNode } from 'react';
import { Card, List } from 'antd';
import type { ProposalDetail } from '../../../api/proposals';

/**
 * A section of the proposal detail that lists records, one line each; `children` come before the list.
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

/** A section of the proposal detail listing one kind of its records, left out when there is none. */
export function optionalListSection<T>(
  title: string,
  items: (proposal: ProposalDetail) => T[],
  render: (item: T, proposal: ProposalDetail) => ReactNode,
) {
  return function OptionalListSection({ proposal }: { proposal: ProposalDetail }) {
    return (
      <ListCard title={title} optional items={items(proposal)} render={(item) => render(item, proposal)} />
    );
  };
}

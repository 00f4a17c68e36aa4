import type { ReactNode } from 'react';
import { Card, Space, Typography } from 'antd';

/** The card a list or settings page stands in: its heading, and its buttons on the right. */
export function PageCard(props: {
  title: ReactNode;
  extra?: ReactNode;
  /** Less padding, for phones. */
  compact?: boolean;
  children: ReactNode;
}) {
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
      }
      extra={props.extra ? <Space wrap>{props.extra}</Space> : undefined}
      styles={{ body: props.compact ? { padding: 12 } : undefined }}
    >
      {props.children}
    </Card>
  );
}

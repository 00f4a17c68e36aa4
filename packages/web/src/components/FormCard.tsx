import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';

/** The card a record's form stands in: its heading and a body no wider than a line of text reads well. */
export function FormCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      }
      styles={{ body: { maxWidth: 860 } }}
    >
      {children}
    </Card>
  );
}

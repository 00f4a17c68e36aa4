import type { ReactNode } from 'react';
import { Result, Skeleton } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';

/**
 * A record page's three faces: loading, not there (or not the viewer's to see — the server says the
 * same for both, with its reason when it has another), and the record itself.
 */
export function LoadedRecord<T>(props: {
  query: UseQueryResult<T>;
  notFound: string;
  children: (record: T) => ReactNode;
}) {
  const { query, notFound } = props;
  if (query.isPending) return <Skeleton active />;
  if (!query.data) {
    const reason = query.error?.message;
    return (
      <Result status="404" title={notFound} subTitle={reason && reason !== notFound ? reason : undefined} />
    );
  }
  return props.children(query.data);
}

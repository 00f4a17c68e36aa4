import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { KeyProposalProgress } from '@cppcc/shared';
import { useKeyProposalProgress } from '../../api/proposals';
import { dayText } from '../../app/timeZone';
import { SideScroll } from '../../components/SideScroll';

const columns: ColumnsType<KeyProposalProgress> = [
  { title: '编号', dataIndex: 'numberLabel', width: 96 },
  {
    title: '标题',
    dataIndex: 'title',
    render: (title: string, r) => <Link to={`/proposals/${r.id}`}>{title}</Link>,
  },
  { title: '状态', dataIndex: 'stateLabel', width: 96 },
  { title: '督办领导', dataIndex: 'supervisors', render: (names: string[]) => names.join('、') || '—' },
  { title: '督办记录', dataIndex: 'logCount', width: 88, render: (n: number) => `${n} 次` },
  { title: '最近督办', dataIndex: 'lastLogOn', width: 110, render: (v: string | null) => dayText(v) || '—' },
  {
    title: '超期',
    dataIndex: 'overdue',
    width: 72,
    render: (overdue: boolean) => (overdue ? <Tag color="red">超期</Tag> : '—'),
  },
];

/** The key proposals of the figures' scope with their supervision, paged by the server. */
export function KeyProgressCard({ scope }: { scope: { sessionId?: number; year?: number } }) {
  const [page, setPage] = useState(1);
  const progress = useKeyProposalProgress(scope, page);
  const data = progress.data;
  return (
    <Card size="small" title={`重点提案督办进度${data ? `（共 ${data.total} 件）` : ''}`}>
      {progress.isError && <Alert type="error" showIcon title={progress.error.message} />}
      <SideScroll label="重点提案督办进度">
        <Table<KeyProposalProgress>
          rowKey="id"
          size="small"
          loading={progress.isFetching}
          dataSource={data?.items ?? []}
          columns={columns}
          locale={{ emptyText: '暂无重点提案' }}
          pagination={{
            current: page,
            pageSize: 10,
            total: data?.total ?? 0,
            size: 'small',
            hideOnSinglePage: true,
            showTotal: (total) => `共 ${total} 件`,
            onChange: setPage,
          }}
          style={{ minWidth: 'max-content' }}
        />
      </SideScroll>
    </Card>
  );
}

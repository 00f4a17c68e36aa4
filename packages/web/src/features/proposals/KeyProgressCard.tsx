import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Flex, Grid, Tag, Typography } from 'antd';
import type { KeyProposalProgress } from '@cppcc/shared';
import { useKeyProposalProgress } from '../../api/proposals';
import { dayText } from '../../app/timeZone';
import { CardsOrTable } from '../../components/CardsOrTable';
import type { ListColumn } from '../../components/PagedTable';

const columns: ListColumn<KeyProposalProgress>[] = [
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

/** A key proposal on a phone: number and title, then where it stands and its supervision. */
function KeyProposalCard({ proposal: p }: { proposal: KeyProposalProgress }) {
  return (
    <>
      <Flex justify="space-between" gap={8} align="start">
        <Typography.Text strong style={{ flex: 1, minWidth: 0 }}>
          {p.numberLabel} {p.title}
        </Typography.Text>
        {p.overdue && <Tag color="red">超期</Tag>}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {[
          p.stateLabel,
          `督办 ${p.supervisors.join('、') || '—'}`,
          `${p.logCount} 次`,
          p.lastLogOn ? `最近 ${dayText(p.lastLogOn)}` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </>
  );
}

/** The key proposals of the figures' scope with their supervision, paged by the server; cards on phones. */
export function KeyProgressCard({ scope }: { scope: { sessionId?: number; year?: number } }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const progress = useKeyProposalProgress(scope, page, pageSize);
  const narrow = Grid.useBreakpoint().md === false;
  const total = progress.data?.total;
  return (
    <Card size="small" title={`重点提案督办进度${total === undefined ? '' : `（共 ${total} 件）`}`}>
      {progress.isError && <Alert type="error" showIcon title={progress.error.message} />}
      <CardsOrTable<KeyProposalProgress>
        narrow={narrow}
        list={progress}
        page={page}
        pageSize={pageSize}
        countWord="件"
        emptyText="暂无重点提案"
        link={(p) => `/proposals/${p.id}`}
        onPage={(next, size) => {
          setPage(next);
          setPageSize(size);
        }}
        card={(p) => <KeyProposalCard proposal={p} />}
        table={{
          columns,
          onChange: (pager) => {
            setPage(pager.current ?? 1);
            setPageSize(pager.pageSize ?? pageSize);
          },
        }}
      />
    </Card>
  );
}

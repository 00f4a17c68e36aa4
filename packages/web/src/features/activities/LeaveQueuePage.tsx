import { Link } from 'react-router';
import { Flex, Grid, Segmented, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { leaveStateLabels, leaveStates } from '@cppcc/shared';
import { useLeaveQueue, type LeaveQueueItem } from '../../api/activities';
import { dateTimeText } from '../../components/columns';
import { tableChange, useListAddress } from '../../components/listAddress';
import { PageCard } from '../../components/PageCard';
import { PagedTable } from '../../components/PagedTable';
import { LeaveActions } from './actions/LeaveActions';
import { LeaveStateTag } from './common';
import { CardList } from './ListFilters';

const stateChoices = [
  ...leaveStates.map((s) => ({ value: s, label: leaveStateLabels[s] })),
  { value: 'all', label: '全部' },
];

/** 请假审批: the leave requests the approver decides, waiting ones first by default. */
export default function LeaveQueuePage() {
  const narrow = Grid.useBreakpoint().md === false;
  const { searchParams, update } = useListAddress();
  // No state in the address is the approver's queue (待审批); 全部 is said outright.
  const state = searchParams.get('state') ?? 'requested';
  const page = Number(searchParams.get('page') ?? 1) || 1;
  const pageSize = Number(searchParams.get('pageSize') ?? (narrow ? 10 : 20)) || 20;
  const list = useLeaveQueue({
    state: state === 'all' ? undefined : state,
    activityId: searchParams.get('activityId') ?? undefined,
    page,
    pageSize,
  });

  const columns: ColumnsType<LeaveQueueItem> = [
    {
      title: '活动',
      key: 'activity',
      render: (_, l) => (
        <Flex vertical>
          <Link to={`/activities/${l.activityId}`}>{l.activityTopic}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.activityKindLabel} · {dateTimeText(l.activityStartsAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '委员', dataIndex: 'memberName', key: 'memberName' },
    { title: '请假理由', dataIndex: 'reason', key: 'reason', width: 260 },
    { title: '申请时间', dataIndex: 'requestedAt', key: 'requestedAt', render: dateTimeText },
    {
      title: '状态',
      key: 'state',
      render: (_, l) => (
        <Flex vertical gap={2}>
          <span>
            <LeaveStateTag state={l.state} label={l.stateLabel} />
          </span>
          {l.decisionNote && <Typography.Text type="secondary">{l.decisionNote}</Typography.Text>}
        </Flex>
      ),
    },
    { title: '操作', key: 'actions', render: (_, l) => <LeaveActions leave={l} /> },
  ];

  const filter = (
    <Segmented
      aria-label="审批状态"
      value={state}
      options={stateChoices}
      onChange={(v) => update({ state: v === 'requested' ? undefined : String(v) })}
      style={narrow ? { marginBottom: 8, maxWidth: '100%', overflowX: 'auto' } : { marginBottom: 16 }}
    />
  );
  const emptyText = state === 'requested' ? '没有待审批的请假' : '暂无请假申请';

  return (
    <PageCard title="请假审批" compact={narrow}>
      {filter}
      {narrow ? (
        <CardList<LeaveQueueItem>
          list={list}
          page={page}
          pageSize={pageSize}
          countWord="条"
          emptyText={emptyText}
          onPage={(next) => update({ page: next }, false)}
          card={(l) => (
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{l.memberName}</Typography.Text>
                <LeaveStateTag state={l.state} label={l.stateLabel} />
              </Flex>
              <Link to={`/activities/${l.activityId}`}>{l.activityTopic}</Link>
              <Typography.Text type="secondary">{dateTimeText(l.activityStartsAt)}</Typography.Text>
              <Typography.Text>理由：{l.reason}</Typography.Text>
              {l.decisionNote && <Typography.Text type="secondary">意见：{l.decisionNote}</Typography.Text>}
              <LeaveActions leave={l} />
            </Flex>
          )}
        />
      ) : (
        <PagedTable<LeaveQueueItem>
          columns={columns}
          list={list}
          page={page}
          pageSize={pageSize}
          countWord="条"
          locale={{ emptyText }}
          onChange={(pager, _f, sorter) => update(tableChange(pager, sorter, {}, { order: 'asc' }), false)}
        />
      )}
    </PageCard>
  );
}

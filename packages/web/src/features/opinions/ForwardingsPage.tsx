import { useMemo } from 'react';
import { Link } from 'react-router';
import { Flex, Form, Grid, Space, Tag } from 'antd';
import { forwardingFigureFilterSchema } from '@cppcc/shared';
import type { ColumnsType } from 'antd/es/table';
import { useForwardingList, type ForwardingDto } from '../../api/opinions';
import { booleanFilterOptions, dateText } from '../../components/columns';
import { FilterBar, selectFilter } from '../../components/FilterBar';
import { tableChange, useListAddress } from '../../components/listAddress';
import { PageCard } from '../../components/PageCard';
import { PagedTable } from '../../components/PagedTable';
import { useCurrentUser } from '../../hooks/useCurrentUser';
import { ForwardingActions } from './actions/ForwardingActions';
import { ForwardingText } from './detail/ForwardingText';
import { channelOptions, ForwardingStateTag, forwardingStateOptions, recentYears } from './common';

const filterKeys = ['state', 'channel', 'year', 'overdue'] as const;
/** A figure's filters the bar does not show (已答复 …) still narrow the list, as tags. */
const passThrough = Object.keys(forwardingFigureFilterSchema.shape).filter(
  (k) => !(filterKeys as readonly string[]).includes(k),
);
const passThroughLabels: Record<string, string> = { answered: '已答复', quarter: '季度' };

/** 转办件: a unit's forwarded items to acknowledge, answer or return; the staff see all of them to review answers. */
export default function ForwardingsPage() {
  const user = useCurrentUser();
  const narrow = Grid.useBreakpoint().md === false;
  // A unit account sees what was forwarded to its unit; opinion staff and leaders see every item.
  const view = user.abilities['opinions.handleForwarded'] ? 'unit' : 'all';
  const { searchParams, update, clear } = useListAddress();
  const [form] = Form.useForm();
  const params = useMemo(() => {
    const out: Record<string, string | number | undefined> = {
      view,
      page: Number(searchParams.get('page') ?? 1) || 1,
      pageSize: Number(searchParams.get('pageSize') ?? 20) || 20,
    };
    for (const key of [...filterKeys, ...passThrough]) out[key] = searchParams.get(key) ?? undefined;
    return out;
  }, [searchParams, view]);
  const list = useForwardingList(params);

  const columns: ColumnsType<ForwardingDto> = [
    {
      title: '信息',
      dataIndex: 'opinionTitle',
      key: 'opinionTitle',
      render: (title: string, f) =>
        view === 'all' ? <Link to={`/opinions/${f.opinionId}`}>{title}</Link> : title,
    },
    {
      title: '渠道',
      key: 'channel',
      render: (_, f) => (
        <Space size={4} wrap>
          <Tag>{f.channelLabel}</Tag>
          {f.workOrderNumber && <span>工单号 {f.workOrderNumber}</span>}
        </Space>
      ),
    },
    { title: '承办部门', dataIndex: 'unitName', key: 'unitName' },
    {
      title: '状态',
      key: 'state',
      render: (_, f) => (
        <Space size={4}>
          <ForwardingStateTag state={f.state} label={f.stateLabel} />
          {f.overdue && <Tag color="error">超期</Tag>}
        </Space>
      ),
    },
    { title: '转办时间', dataIndex: 'forwardedAt', key: 'forwardedAt', render: dateText },
    { title: '办理期限', dataIndex: 'deadline', key: 'deadline', render: dateText },
    { title: '操作', key: 'actions', render: (_, f) => <ForwardingActions item={f} /> },
  ];

  return (
    <PageCard title="转办件" compact={narrow}>
      <FilterBar<Record<string, string | undefined>>
        form={form}
        narrow={narrow}
        fields={[
          selectFilter('state', '状态', forwardingStateOptions, narrow ? '100%' : 120),
          selectFilter('channel', '渠道', channelOptions, narrow ? '100%' : 130),
          selectFilter('year', '年度', recentYears(), narrow ? '100%' : 110),
          selectFilter('overdue', '超期', booleanFilterOptions, narrow ? '100%' : 90),
        ]}
        initialValues={Object.fromEntries(filterKeys.map((k) => [k, searchParams.get(k) ?? undefined]))}
        onApply={(v) => update(Object.fromEntries(filterKeys.map((k) => [k, v[k]])))}
        onReset={() => {
          form.resetFields();
          clear();
        }}
      />
      {passThrough.some((k) => searchParams.get(k)) && (
        <Flex gap={4} wrap style={{ marginBottom: 12 }}>
          {passThrough.flatMap((k) => {
            const v = searchParams.get(k);
            return v
              ? [
                  <Tag key={k} closable onClose={() => update({ [k]: undefined })}>
                    {passThroughLabels[k] ?? k}：{v === 'true' ? '是' : v === 'false' ? '否' : v}
                  </Tag>,
                ]
              : [];
          })}
        </Flex>
      )}
      <PagedTable<ForwardingDto>
        columns={columns}
        list={list}
        page={Number(params.page)}
        pageSize={Number(params.pageSize)}
        countWord="件"
        locale={{ emptyText: '暂无转办件' }}
        expandable={{
          rowExpandable: (f) => !!(f.note || f.answerText || f.returnReason || f.reviewComment),
          expandedRowRender: (f) => <ForwardingText item={f} />,
        }}
        onChange={(pager, _f, sorter) => update(tableChange(pager, sorter, {}, { order: 'desc' }), false)}
      />
    </PageCard>
  );
}

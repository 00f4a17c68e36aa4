import { useMemo } from 'react';
import { Link } from 'react-router';
import { Button, DatePicker, Flex, Grid, Input, Segmented, Typography } from 'antd';
import { CalendarOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { activityCategoryLabels, type ActivityCategory } from '@cppcc/shared';
import {
  activityDocuments,
  useActivityFormOptions,
  useActivityList,
  type ActivityListItem,
} from '../../api/activities';
import { CardsOrTable } from '../../components/CardsOrTable';
import { DownloadButton } from '../../components/DownloadButton';
import { selectFilter, type FilterField } from '../../components/FilterBar';
import { tableChange, useListAddress, withSortOrder } from '../../components/listAddress';
import { PageCard } from '../../components/PageCard';
import { isoDay } from '../../components/schemaFields';
import { useCurrentUser } from '../../hooks/useCurrentUser';
import { ActivityCalendar } from './ActivityCalendar';
import { ListFilters } from './ListFilters';
import { SumsLine } from './outcomes/SumsLine';
import {
  activityStateOptions,
  ActivityStateTag,
  addressParams,
  categoryOptions,
  organiserTypeOptions,
  timeRange,
} from './common';

const barKeys = ['q', 'kind', 'category', 'state', 'organiserType', 'from', 'to'] as const;
/** A figure's year (and outcome filters) reach the list too, so the list has the figure's count; they show as tags. */
const filterKeys = [...barKeys, 'year', 'issueResolved', 'planItemId'];
const fallbackSort = { sort: 'startsAt', order: 'desc' as const };

/** 活动管理: every activity of the committee, as a list or a month calendar; the staff create them here. */
export default function ActivitiesPage() {
  const narrow = Grid.useBreakpoint().md === false;
  const manage = useCurrentUser().abilities['activities.manage'] === true;
  const { searchParams, update } = useListAddress();
  const formOptions = useActivityFormOptions();
  const calendar = searchParams.get('show') === 'calendar' && !narrow;
  const filters = addressParams(searchParams, filterKeys);

  const params = useMemo(
    () => ({
      ...addressParams(searchParams, filterKeys),
      view: 'all',
      page: Number(searchParams.get('page') ?? 1) || 1,
      pageSize: Number(searchParams.get('pageSize') ?? (narrow ? 10 : 20)) || 20,
      sort: searchParams.get('sort') ?? fallbackSort.sort,
      order: searchParams.get('order') ?? fallbackSort.order,
    }),
    [searchParams, narrow],
  );
  const list = useActivityList(params, !calendar);
  const { page, pageSize, ...exportQuery } = params;

  const initialValues = useMemo(() => {
    const from = searchParams.get('from');
    const to = searchParams.get('to');
    return {
      ...addressParams(searchParams, ['q', 'kind', 'category', 'state', 'organiserType']),
      range: from && to ? [dayjs(from), dayjs(to)] : undefined,
    };
    // The form seeds itself once; afterwards it is the source of the filters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const width = (w: number) => (narrow ? '100%' : w);
  const kindOptions = (formOptions.data?.kinds ?? []).map((k) => ({ value: k.code, label: k.label }));
  const fields: FilterField[] = [
    {
      name: 'q',
      label: '关键词',
      input: <Input allowClear placeholder="主题或地点" style={{ width: width(160) }} />,
    },
    selectFilter('state', '状态', activityStateOptions, width(110)),
    // A phone keeps the short bar; the wide screen filters by everything the list takes.
    ...(narrow
      ? []
      : [
          selectFilter('kind', '类型', kindOptions, 150, true),
          selectFilter('category', '类别', categoryOptions, 120),
          selectFilter('organiserType', '组织方', organiserTypeOptions, 140),
          { name: 'range', label: '日期', input: <DatePicker.RangePicker style={{ width: 240 }} /> },
        ]),
  ];

  // The calendar shows a month: no date range.
  const barFields = calendar ? fields.filter((f) => f.name !== 'range') : fields;

  const baseColumns: ColumnsType<ActivityListItem> = [
    {
      title: '主题',
      dataIndex: 'topic',
      key: 'topic',
      sorter: true,
      render: (topic: string, a) => <Link to={`/activities/${a.id}`}>{topic}</Link>,
    },
    { title: '类型', dataIndex: 'kindLabel', key: 'kind', sorter: true },
    {
      title: '时间',
      dataIndex: 'startsAt',
      key: 'startsAt',
      sorter: true,
      render: (_, a) => timeRange(a.startsAt, a.endsAt),
    },
    { title: '地点', dataIndex: 'place', key: 'place' },
    { title: '组织方', dataIndex: 'organiserName', key: 'organiserName' },
    {
      title: '状态',
      dataIndex: 'state',
      key: 'state',
      render: (_, a) => <ActivityStateTag state={a.state} label={a.stateLabel} />,
    },
    {
      title: '邀请 / 出席 / 请假',
      key: 'counts',
      align: 'right',
      render: (_, a) => `${a.invitedCount} / ${a.attendedCount} / ${a.leaveCount}`,
    },
  ];
  const columns = withSortOrder(baseColumns, params.sort, params.order);

  return (
    <PageCard
      title="活动管理"
      compact={narrow}
      extra={
        <>
          {/* A phone's heading has room for one button; the month calendar is for wide screens. */}
          {!narrow && (
            <Segmented
              aria-label="显示方式"
              value={calendar ? 'calendar' : 'list'}
              onChange={(v) => update({ show: v === 'calendar' ? 'calendar' : undefined }, false)}
              options={[
                { value: 'list', label: '列表', icon: <UnorderedListOutlined /> },
                { value: 'calendar', label: '日历', icon: <CalendarOutlined /> },
              ]}
            />
          )}
          {!calendar && !narrow && (
            <DownloadButton path={activityDocuments.list} query={exportQuery} fileName="履职活动.xlsx">
              导出 Excel
            </DownloadButton>
          )}
          {manage && (
            <Link to="/activities/new">
              <Button type="primary" icon={<PlusOutlined />}>
                新建活动
              </Button>
            </Link>
          )}
        </>
      }
    >
      <ListFilters
        fields={barFields}
        narrow={narrow}
        initialValues={initialValues}
        toAddress={(v) => {
          // Only what the bar shows; a filter it leaves out (on a phone) stays, as a tag.
          const shown = barFields.map((f) => f.name);
          const range = v.range as [Dayjs, Dayjs] | undefined;
          return {
            ...Object.fromEntries(
              barKeys.filter((k) => shown.includes(k)).map((k) => [k, v[k] as string | undefined]),
            ),
            ...(shown.includes('range') && { from: isoDay(range?.[0]), to: isoDay(range?.[1]) }),
          };
        }}
        tags={{
          year: (v) => `年度：${v}`,
          issueResolved: () => '群众问题已解决',
          planItemId: (v) => `协商计划事项 #${v}`,
          ...(narrow && {
            kind: (v) => `类型：${kindOptions.find((k) => k.value === v)?.label ?? v}`,
            category: (v) => `类别：${activityCategoryLabels[v as ActivityCategory] ?? v}`,
            organiserType: (v) => `组织方：${organiserTypeOptions.find((o) => o.value === v)?.label ?? v}`,
            from: (v) => `起：${v}`,
            to: (v) => `止：${v}`,
          }),
        }}
      />
      {calendar ? (
        <ActivityCalendar
          month={searchParams.get('month') ?? dayjs().format('YYYY-MM')}
          filters={Object.fromEntries(
            Object.entries(filters).filter(([k]) => !['from', 'to', 'year'].includes(k)),
          )}
          onMonth={(month) => update({ month }, false)}
        />
      ) : (
        <>
          <SumsLine sums={list.data?.sums} category={searchParams.get('category')} />
          <CardsOrTable<ActivityListItem>
            narrow={narrow}
            list={list}
            page={Number(page)}
            pageSize={Number(pageSize)}
            countWord="项"
            emptyText="暂无活动"
            link={(a) => `/activities/${a.id}`}
            onPage={(next, size) => update({ page: next, pageSize: size }, false)}
            card={(a) => <ActivityCard activity={a} />}
            table={{
              columns,
              onChange: (pager, _f, sorter) =>
                update(tableChange(pager, sorter, params, fallbackSort), false),
            }}
          />
        </>
      )}
    </PageCard>
  );
}

/** An activity on a phone: topic and state, then kind, time and place. */
export function ActivityCard({ activity: a }: { activity: ActivityListItem }) {
  return (
    <>
      <Flex justify="space-between" gap={8} align="start">
        <Typography.Text strong style={{ flex: 1, minWidth: 0 }}>
          {a.topic}
        </Typography.Text>
        <ActivityStateTag state={a.state} label={a.stateLabel} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {[
          a.kindLabel,
          activityCategoryLabels[a.category as ActivityCategory],
          timeRange(a.startsAt, a.endsAt),
        ].join(' · ')}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {a.place}
      </Typography.Text>
    </>
  );
}

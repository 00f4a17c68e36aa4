import { useMemo } from 'react';
import { Link } from 'react-router';
import { Flex, Grid, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  activityDocuments,
  useActivityFormOptions,
  useAttendanceList,
  type AttendanceRow,
} from '../../api/activities';
import { CardsOrTable } from '../../components/CardsOrTable';
import { booleanFilterOptions, dateText, dateTimeText, yesNo } from '../../components/columns';
import { DownloadButton } from '../../components/DownloadButton';
import { selectFilter } from '../../components/FilterBar';
import { tableChange, useListAddress, withSortOrder } from '../../components/listAddress';
import { PageCard } from '../../components/PageCard';
import { ListFilters } from './ListFilters';
import { addressParams, attendanceOptions, AttendanceTag, yearOptions } from './common';

const barKeys = ['year', 'kind', 'attendance', 'mandatory'] as const;
/** Filters a figure hands over besides the bar's: they narrow the list and show as tags. */
const passThroughLabels: Record<string, (v: string) => string> = {
  outcome: () => '出席（含迟到、早退）',
  final: () => '已结束的活动',
  activityId: (v) => `活动 #${v}`,
  memberId: (v) => `委员 #${v}`,
};
const filterKeys = [...barKeys, ...Object.keys(passThroughLabels)];
const fallbackSort = { sort: 'startsAt', order: 'desc' as const };

/** A row is one invitation; it opens its activity. */
type Row = AttendanceRow & { id: number };

/** 出勤记录: every invitation's result across activities; the attendance figures open it filtered. */
export default function AttendancePage() {
  const narrow = Grid.useBreakpoint().md === false;
  const { searchParams, update } = useListAddress();
  const formOptions = useActivityFormOptions();
  const params = useMemo(
    () => ({
      ...addressParams(searchParams, filterKeys),
      page: Number(searchParams.get('page') ?? 1) || 1,
      pageSize: Number(searchParams.get('pageSize') ?? 20) || 20,
      sort: searchParams.get('sort') ?? fallbackSort.sort,
      order: searchParams.get('order') ?? fallbackSort.order,
    }),
    [searchParams],
  );
  const query = useAttendanceList(params);
  const list = {
    isFetching: query.isFetching,
    data: query.data && { ...query.data, items: query.data.items.map((r) => ({ ...r, id: r.activityId })) },
  };
  const { page, pageSize, ...exportQuery } = params;
  const width = (w: number) => (narrow ? '100%' : w);
  const kindOptions = (formOptions.data?.kinds ?? []).map((k) => ({ value: k.code, label: k.label }));

  const columns = withSortOrder<Row>(
    [
      {
        title: '活动',
        dataIndex: 'topic',
        key: 'topic',
        render: (topic: string, r) => <Link to={`/activities/${r.activityId}`}>{topic}</Link>,
      },
      { title: '类型', dataIndex: 'kindLabel', key: 'kindLabel' },
      { title: '时间', dataIndex: 'startsAt', key: 'startsAt', sorter: true, render: dateTimeText },
      { title: '委员', dataIndex: 'memberName', key: 'memberName', sorter: true },
      { title: '界别', dataIndex: 'sectorName', key: 'sectorName' },
      { title: '须出席', dataIndex: 'mandatory', key: 'mandatory', render: yesNo },
      {
        title: '出席情况',
        key: 'attendance',
        render: (_, r) =>
          r.attendance ? (
            <AttendanceTag result={r.attendance} label={r.attendanceLabel} />
          ) : (
            <Typography.Text type="secondary">未定稿</Typography.Text>
          ),
      },
      { title: '签到时间', dataIndex: 'signedInAt', key: 'signedInAt', render: dateTimeText },
    ] satisfies ColumnsType<Row>,
    params.sort,
    params.order,
  );

  return (
    <PageCard title="出勤记录" compact={narrow}>
      <ListFilters
        narrow={narrow}
        fields={[
          selectFilter('year', '年度', yearOptions(), width(110)),
          selectFilter('kind', '类型', kindOptions, width(150), true),
          selectFilter('attendance', '出席情况', attendanceOptions, width(110)),
          selectFilter('mandatory', '须出席', booleanFilterOptions, width(90)),
        ]}
        initialValues={addressParams(searchParams, barKeys)}
        toAddress={(v) => Object.fromEntries(barKeys.map((k) => [k, v[k] as string | undefined]))}
        tags={passThroughLabels}
      />
      <CardsOrTable<Row>
        narrow={narrow}
        list={list}
        page={Number(page)}
        pageSize={Number(pageSize)}
        countWord="人次"
        actions={
          <DownloadButton path={activityDocuments.attendance} query={exportQuery} fileName="出勤记录.xlsx">
            导出 Excel
          </DownloadButton>
        }
        emptyText="暂无出勤记录"
        rowKey={(r) => `${r.activityId}-${r.memberId}`}
        link={(r) => `/activities/${r.activityId}`}
        onPage={(next, size) => update({ page: next, pageSize: size }, false)}
        card={(r) => (
          <>
            <Flex justify="space-between" gap={8} align="start">
              <Typography.Text strong style={{ flex: 1, minWidth: 0 }}>
                {r.memberName}
              </Typography.Text>
              <AttendanceTag result={r.attendance} label={r.attendanceLabel} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[r.topic, r.kindLabel, dateText(r.startsAt)].join(' · ')}
            </Typography.Text>
          </>
        )}
        table={{
          columns,
          onChange: (pager, _f, sorter) => update(tableChange(pager, sorter, params, fallbackSort), false),
        }}
      />
    </PageCard>
  );
}

import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Flex, Form, Grid, Input, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  dutyLevelLabels,
  opinionAdoptionKindLabels,
  opinionFigureFilterSchema,
  opinionListViewLabels,
  opinionStateLabels,
  opinionStates,
  type OpinionListView,
  type OpinionState,
} from '@cppcc/shared';
import {
  opinionDocuments,
  useOpinionFigures,
  useOpinionFormOptions,
  useOpinionList,
  type OpinionListItem,
} from '../../api/opinions';
import { useOrganisationOptions } from '../../api/resources';
import { dateText } from '../../components/columns';
import { DownloadButton } from '../../components/DownloadButton';
import {
  dateRangeFilter,
  FilterBar,
  rangeFromAddress,
  rangeKeys,
  rangeToAddress,
  selectFilter,
  type FilterField,
} from '../../components/FilterBar';
import { tableChange, useListAddress, withSortOrder } from '../../components/listAddress';
import { PageCard } from '../../components/PageCard';
import { CardsOrTable } from '../../components/CardsOrTable';
import { OpinionStateTag, recentYears, submitterTypeOptions } from './common';
import { useCurrentUser } from '../../hooks/useCurrentUser';
import { thisYear } from '../../app/timeZone';

/** How the filters a figure hands over besides the visible ones are named on their tags. */
const passThroughLabels: Record<string, string> = {
  quarter: '季度',
  stage: '统计口径',
  adoptionKind: '采用方式',
  adoptedLevel: '采用级别',
  instructedLevel: '批示级别',
  reportedLevel: '报送级别',
  fromChildCommittee: '来源',
  sourceCommitteeId: '报送政协',
  sectorId: '界别',
  memberId: '委员',
  forwarded: '已转办',
};
const visibleFilters = ['q', 'state', 'category', 'year', 'submitterType'];
/** The filing-date range (dateRangeFilter): two days in the address. */
const dateKeys = rangeKeys('submitted');
/** Every filter of a figure reaches the list, so the list has the figure's count; those not in the bar show as tags. */
const passThrough = Object.keys(opinionFigureFilterSchema.shape).filter(
  (k) => k !== 'view' && !visibleFilters.includes(k),
);
const stageLabels: Record<string, string> = { received: '已收到', decided: '已处理' };
const levelKeys = ['adoptedLevel', 'instructedLevel', 'reportedLevel'];

/** The page a figure's list opens on, with the figure's filter in the address. */
export function opinionListLink(filter: Record<string, unknown>): string {
  const { view, ...rest } = filter;
  const path = view === 'mine' ? '/opinions/mine' : view === 'inbox' ? '/opinions/inbox' : '/opinions/all';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(rest))
    if (value !== undefined && value !== null) params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A filter value of the address as the chip reads it. */
function chipText(key: string, value: string, sectorName: (id: string) => string): string {
  if (key === 'stage') return stageLabels[value] ?? value;
  if (key === 'quarter') return `第${value}季度`;
  if (key === 'adoptionKind') return opinionAdoptionKindLabels[value as 'single'] ?? value;
  if (levelKeys.includes(key)) return dutyLevelLabels[value as 'city'] ?? value;
  if (key === 'forwarded') return value === 'true' ? '是' : '否';
  if (key === 'fromChildCommittee') return value === 'true' ? '下级政协报送' : '本级';
  if (key === 'sectorId') return sectorName(value);
  return value;
}

export interface OpinionListProps {
  title: string;
  view: OpinionListView;
  extra?: ReactNode;
  /** States offered in the state filter; all when absent. */
  states?: readonly OpinionState[];
  /** Staff lists filter by submitter type and year and export. */
  staff?: boolean;
  emptyText?: string;
}

/** An opinion list with filters in the address (figures link here), paging, a table or phone cards. */
export function OpinionList(props: OpinionListProps) {
  const narrow = Grid.useBreakpoint().md === false;
  const { searchParams, update, clear } = useListAddress();
  const [form] = Form.useForm();
  const formOptions = useOpinionFormOptions();
  const organisation = useOrganisationOptions();
  // The committees below that reported here, as the figures name them (none for a county).
  const overview = useCurrentUser().abilities['opinions.overview'] === true;
  const figures = useOpinionFigures(thisYear(), undefined, !!props.staff && overview);
  const childCommittees = (figures.data?.byChildCommittee ?? []).map((r) => ({
    value: r.id,
    label: r.label,
  }));
  const barFilters = childCommittees.length > 0 ? [...visibleFilters, 'sourceCommitteeId'] : visibleFilters;

  const params = useMemo(() => {
    const out: Record<string, string | number | undefined> = {
      view: props.view,
      page: Number(searchParams.get('page') ?? 1) || 1,
      pageSize: Number(searchParams.get('pageSize') ?? (narrow ? 10 : 20)) || 20,
      sort: searchParams.get('sort') ?? 'updatedAt',
      order: searchParams.get('order') ?? 'desc',
    };
    for (const key of [...visibleFilters, ...dateKeys, ...passThrough]) {
      const v = searchParams.get(key);
      if (v) out[key] = v;
    }
    return out;
  }, [searchParams, props.view, narrow]);
  const list = useOpinionList(params);
  const { page, pageSize, ...exportQuery } = params;

  const initialValues = useMemo(
    () => ({
      ...Object.fromEntries(
        [...visibleFilters, 'sourceCommitteeId']
          .map((k) => [k, searchParams.get(k) ?? undefined])
          .filter(([, v]) => v),
      ),
      submitted: rangeFromAddress(searchParams, 'submitted'),
    }),
    // The form seeds itself once; afterwards it is the source of the filters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const sectorName = (id: string) => organisation.data?.sectors?.find((s) => String(s.id) === id)?.name ?? id;
  const chips = passThrough.flatMap((key) => {
    const v = searchParams.get(key);
    if (!v || barFilters.includes(key)) return [];
    return [
      <Tag key={key} closable onClose={() => update({ [key]: undefined })}>
        {passThroughLabels[key] ?? key}：{chipText(key, v, sectorName)}
      </Tag>,
    ];
  });

  const stateOptions = (props.states ?? opinionStates).map((s) => ({
    value: s,
    label: opinionStateLabels[s],
  }));
  const categoryOptions = (formOptions.data?.categories ?? []).map((c) => ({ value: c, label: c }));
  const filters: FilterField[] = [
    {
      name: 'q',
      label: '关键词',
      input: <Input allowClear placeholder="标题或内容" style={{ width: narrow ? '100%' : 180 }} />,
    },
    selectFilter('state', '状态', stateOptions, narrow ? '100%' : 130),
    ...(narrow
      ? []
      : [
          selectFilter('category', '类别', categoryOptions, 130),
          ...(props.staff
            ? [
                selectFilter('year', '年度', recentYears(), 110),
                dateRangeFilter('submitted', '报送日期'),
                selectFilter('submitterType', '报送人', submitterTypeOptions, 170),
                ...(childCommittees.length > 0
                  ? [selectFilter('sourceCommitteeId', '报送政协', childCommittees, 180)]
                  : []),
              ]
            : []),
        ]),
  ];

  const baseColumns: ColumnsType<OpinionListItem> = [
    {
      title: '标题',
      dataIndex: 'title',
      key: 'title',
      render: (title: string, r) => <Link to={`/opinions/${r.id}`}>{title}</Link>,
    },
    { title: '类别', dataIndex: 'category', key: 'category' },
    {
      title: '报送人',
      key: 'submitter',
      render: (_, r) =>
        r.sourceCommitteeName && r.sourceCommitteeName !== r.submitterName
          ? `${r.submitterName}（${r.sourceCommitteeName}报送）`
          : r.submitterName,
    },
    {
      title: '状态',
      dataIndex: 'state',
      key: 'state',
      render: (s: OpinionState, r) => (
        <Space size={4}>
          <OpinionStateTag state={s} label={r.stateLabel} />
          {r.adoptionKind && <Tag>{opinionAdoptionKindLabels[r.adoptionKind]}</Tag>}
        </Space>
      ),
    },
    { title: '反馈', key: 'feedback', width: 280, render: (_, r) => <Feedback lines={r.feedback} /> },
    { title: '报送时间', dataIndex: 'submittedAt', key: 'submittedAt', render: dateText, sorter: true },
    { title: '处理时间', dataIndex: 'decidedAt', key: 'decidedAt', render: dateText, sorter: true },
  ];
  const columns = withSortOrder(baseColumns, params.sort, params.order);
  const emptyText = props.emptyText ?? `暂无${opinionListViewLabels[props.view]}`;

  return (
    <PageCard title={props.title} compact={narrow}>
      <FilterBar<Record<string, unknown>>
        form={form}
        fields={filters}
        narrow={narrow}
        gap={12}
        initialValues={initialValues}
        onApply={(values) =>
          update({
            ...Object.fromEntries(barFilters.map((k) => [k, values[k] as string | undefined])),
            ...rangeToAddress(values.submitted, 'submitted'),
          })
        }
        onReset={() => {
          form.resetFields();
          clear();
        }}
      />
      {chips.length > 0 && (
        <Flex gap={4} wrap style={{ marginBottom: 12 }}>
          {chips}
        </Flex>
      )}
      <CardsOrTable<OpinionListItem>
        narrow={narrow}
        list={list}
        page={Number(page)}
        pageSize={Number(pageSize)}
        countWord="篇"
        emptyText={emptyText}
        actions={
          (props.extra || props.staff) && (
            <>
              {props.extra}
              {props.staff && (
                <DownloadButton path={opinionDocuments.list} query={exportQuery} fileName="社情民意信息.xlsx">
                  导出 Excel
                </DownloadButton>
              )}
            </>
          )
        }
        link={(r) => `/opinions/${r.id}`}
        onPage={(next, size) => update({ page: next, pageSize: size }, false)}
        card={(r) => (
          <>
            <Flex justify="space-between" gap={8} align="start">
              <Typography.Text strong style={{ flex: 1, minWidth: 0 }}>
                {r.title}
              </Typography.Text>
              <OpinionStateTag state={r.state} label={r.stateLabel} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[r.category, r.submitterName, dateText(r.submittedAt)].filter(Boolean).join(' · ')}
            </Typography.Text>
            <Feedback lines={r.feedback} />
          </>
        )}
        table={{
          columns,
          onChange: (pager, _filters, sorter) =>
            update(tableChange(pager, sorter, params, { sort: 'updatedAt', order: 'desc' }), false),
        }}
      />
    </PageCard>
  );
}

/** What the ledger says of an article (被市级政协采用 …), newest last. */
export function Feedback({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <Flex gap={4} wrap style={{ marginTop: 4 }}>
      {lines.map((line, i) => (
        <Tag key={i} color="green" style={{ marginInlineEnd: 0 }}>
          {line}
        </Tag>
      ))}
    </Flex>
  );
}

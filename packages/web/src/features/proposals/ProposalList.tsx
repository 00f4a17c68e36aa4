import { useMemo, type Key, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Flex, Form, Grid, Input, Space, Tag, Typography } from 'antd';
import {
  proposalKindLabels,
  proposalStateLabels,
  proposalStates,
  proposalTaskLabels,
  satisfactionBasisLabels,
  satisfactionLabels,
  type ProposalState,
} from '@cppcc/shared';
import {
  proposalDocuments,
  useProposalFormOptions,
  useProposalList,
  type ProposalListItem,
} from '../../api/proposals';
import { toSelectOptions, useOrganisationOptions } from '../../api/resources';
import { dateText } from '../../components/columns';
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
import type { ListColumn } from '../../components/PagedTable';
import { DocumentButton, StateTag } from './common';

/** Filters a figure may hand over besides the visible ones; shown as tags so the user sees why the list is narrow. */
const passThrough: Record<string, string> = {
  stage: '统计口径',
  answerCategory: '答复类别',
  satisfaction: '满意度',
  satisfactionBasis: '满意度口径',
  sectorId: '界别',
  year: '年度',
  task: '待办',
};
const stageLabels: Record<string, string> = {
  submitted: '已提交',
  accepted: '已立案',
  answered: '已办复',
  handling: '办理中',
  pendingReview: '待审查',
};
const visibleFilters = ['q', 'state', 'category', 'kind', 'sessionId', 'unitId'];
/** The filing-date range (dateRangeFilter): two days in the address. */
const dateKeys = rangeKeys('submitted');

export interface ProposalListProps {
  title: string;
  view: 'mine' | 'cosign' | 'review' | 'unit' | 'overdue' | 'key' | 'followup' | 'all';
  extra?: ReactNode;
  /** States offered in the state filter; all when absent. */
  states?: readonly ProposalState[];
  showUnitFilter?: boolean;
  showExport?: boolean;
  /** Row selection (交办会); the caller renders what to do with the selection. */
  selection?: {
    selectedKeys: Key[];
    onChange: (keys: Key[], rows: ProposalListItem[]) => void;
    selectable: (row: ProposalListItem) => boolean;
  };
  emptyText?: string;
}

/** A proposal list with filters in the address bar (figures link here), paging, table or phone cards. */
export function ProposalList(props: ProposalListProps) {
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const { searchParams, update, clear } = useListAddress();
  const [form] = Form.useForm();
  const formOptions = useProposalFormOptions();
  const options = useOrganisationOptions();

  const params = useMemo(() => {
    const out: Record<string, string | number | undefined> = {
      view: props.view,
      page: Number(searchParams.get('page') ?? 1) || 1,
      pageSize: Number(searchParams.get('pageSize') ?? (narrow ? 10 : 20)) || 20,
      // Latest activity first unless the user sorts by a column.
      sort: searchParams.get('sort') ?? 'updatedAt',
      order: searchParams.get('order') ?? 'desc',
    };
    for (const key of [...visibleFilters, ...dateKeys, ...Object.keys(passThrough)]) {
      const v = searchParams.get(key);
      if (v) out[key] = v;
    }
    return out;
  }, [searchParams, props.view, narrow]);
  const list = useProposalList(params);
  const { page, pageSize, ...exportQuery } = params;

  const initialValues = useMemo(() => {
    const out: Record<string, unknown> = {};
    for (const key of visibleFilters) {
      const v = searchParams.get(key);
      if (v) out[key] = /^\d+$/.test(v) && key.endsWith('Id') ? Number(v) : v;
    }
    out.submitted = rangeFromAddress(searchParams, 'submitted');
    return out;
    // The form seeds itself once; afterwards it is the source of the filters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const stateOptions = (props.states ?? proposalStates).map((s) => ({
    value: s,
    label: proposalStateLabels[s],
  }));
  const categoryOptions = (formOptions.data?.categories ?? []).map((c) => ({ value: c, label: c }));
  const sectorName = (id: string) => options.data?.sectors?.find((s) => String(s.id) === id)?.name ?? id;
  const chips = Object.keys(passThrough)
    .map((key) => {
      const v = searchParams.get(key);
      if (!v) return null;
      const text =
        key === 'stage'
          ? (stageLabels[v] ?? v)
          : key === 'satisfaction'
            ? v
                .split(',')
                .map((level) => satisfactionLabels[level as keyof typeof satisfactionLabels] ?? level)
                .join('、')
            : key === 'satisfactionBasis'
              ? (satisfactionBasisLabels[v as keyof typeof satisfactionBasisLabels] ?? v)
              : key === 'sectorId'
                ? sectorName(v)
                : key === 'task'
                  ? (proposalTaskLabels[v as keyof typeof proposalTaskLabels] ?? v)
                  : v;
      return (
        <Tag key={key} closable onClose={() => update({ [key]: undefined })}>
          {passThrough[key]}：{text}
        </Tag>
      );
    })
    .filter(Boolean);

  const baseColumns: ListColumn<ProposalListItem>[] = [
    {
      title: '提案号',
      dataIndex: 'numberLabel',
      key: 'number',
      width: 110,
      sorter: true,
      render: (v: string) => v || <Typography.Text type="secondary">未编号</Typography.Text>,
    },
    {
      title: '案由',
      dataIndex: 'title',
      key: 'title',
      render: (title: string, r) => (
        <Space size={4} wrap>
          <Link to={`/proposals/${r.id}`}>{title}</Link>
          {r.keyStatus !== 'none' && (
            <Tag color="red">{r.keyStatus === 'approved' ? '重点' : '重点（待审定）'}</Tag>
          )}
          {r.excellentStatus !== 'none' && (
            <Tag color="gold">{r.excellentStatus === 'approved' ? '优秀' : '优秀（待审定）'}</Tag>
          )}
          {r.overdue && <Tag color="error">超期</Tag>}
        </Space>
      ),
    },
    {
      title: '提案人',
      key: 'proposer',
      render: (_, r) => r.organisationName ?? r.leadMemberName,
    },
    { title: '类别', dataIndex: 'category', key: 'category' },
    {
      title: '状态',
      dataIndex: 'state',
      key: 'state',
      render: (s: ProposalState, r) => <StateTag state={s} label={r.stateLabel} />,
    },
    {
      title: '承办单位',
      key: 'units',
      width: 280,
      render: (_, r) => (
        <Flex gap={4} wrap style={{ maxWidth: 280 }}>
          {r.units.map((u) => {
            // A unit past its deadline without an approved answer is what the overdue board is about.
            const late = r.overdue && u.status !== 'answered' && new Date(u.deadline) < new Date();
            return (
              <Tag key={u.unitId} color={late ? 'error' : undefined} style={{ marginInlineEnd: 0 }}>
                {u.name}（{u.role === 'lead' ? '主办' : u.role === 'co' ? '协办' : '分办'}）
                {late ? ` 期限 ${dateText(u.deadline)}` : ''}
              </Tag>
            );
          })}
        </Flex>
      ),
    },
    { title: '提交时间', dataIndex: 'submittedAt', key: 'submittedAt', render: dateText, sorter: true },
    {
      title: '办理期限',
      dataIndex: 'deadline',
      key: 'deadline',
      render: dateText,
      sorter: true,
      optional: true,
    },
  ];
  // Listed per proposer's rating (满意度按人次): one row per rating, naming the proposer and the rating.
  const perRating = list.data?.items.some((r) => r.rater !== null) ?? false;
  if (perRating) {
    baseColumns.splice(3, 0, {
      title: '评价人',
      key: 'rater',
      render: (_, r) =>
        r.rater
          ? `${r.rater.name}（${satisfactionLabels[r.rater.satisfaction as keyof typeof satisfactionLabels] ?? r.rater.satisfaction}）`
          : null,
    });
  }
  const rowKey = (r: ProposalListItem) => (r.rater ? `${r.id}:${r.rater.memberId}` : r.id);
  const columns = withSortOrder(baseColumns, params.sort, params.order);

  const kindOptions = Object.entries(proposalKindLabels).map(([value, label]) => ({ value, label }));
  // Phones get the keyword and the state only; the other filters would push the list off the screen.
  const filters: FilterField[] = [
    {
      name: 'q',
      label: '关键词',
      input: <Input allowClear placeholder="案由或提案号" style={{ width: narrow ? '100%' : 180 }} />,
    },
    selectFilter('state', '状态', stateOptions, narrow ? '100%' : 130),
    ...(narrow
      ? []
      : [
          selectFilter('category', '类别', categoryOptions, 130),
          selectFilter('kind', '类型', kindOptions, 120),
          selectFilter('sessionId', '会议', toSelectOptions(formOptions.data?.sessions), 180),
          dateRangeFilter('submitted', '提交日期'),
          ...(props.showUnitFilter
            ? [selectFilter('unitId', '承办单位', toSelectOptions(formOptions.data?.units), 200, true)]
            : []),
        ]),
  ];

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
            ...Object.fromEntries(
              visibleFilters.map((k) => [k, (values[k] as string | number | undefined) ?? undefined]),
            ),
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
      <CardsOrTable<ProposalListItem>
        narrow={narrow}
        list={list}
        page={Number(page)}
        pageSize={Number(pageSize)}
        countWord={perRating ? '人次' : '件'}
        rowKey={rowKey}
        actions={
          (props.extra || props.showExport) && (
            <>
              {props.extra}
              {props.showExport && (
                <DocumentButton path={proposalDocuments.list} query={exportQuery}>
                  导出 Excel
                </DocumentButton>
              )}
            </>
          )
        }
        emptyText={props.emptyText ?? '暂无提案'}
        link={(r) => `/proposals/${r.id}`}
        onPage={(next, size) => update({ page: next, pageSize: size }, false)}
        card={(r) => (
          <>
            <Flex justify="space-between" gap={8} align="start">
              <Typography.Text strong style={{ flex: 1, minWidth: 0 }}>
                {r.title}
              </Typography.Text>
              <StateTag state={r.state} label={r.stateLabel} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[
                r.numberLabel,
                r.category,
                r.organisationName ?? r.leadMemberName,
                dateText(r.submittedAt),
                r.rater ? `评价人 ${r.rater.name}` : null,
              ]
                .filter(Boolean)
                .join(' · ')}
              {r.overdue ? ' · 超期' : ''}
            </Typography.Text>
          </>
        )}
        table={{
          columns,
          onChange: (pager, _filters, sorter) =>
            update(tableChange(pager, sorter, params, { sort: 'updatedAt', order: 'desc' }), false),
          rowSelection: props.selection
            ? {
                selectedRowKeys: props.selection.selectedKeys,
                preserveSelectedRowKeys: true,
                onChange: props.selection.onChange,
                getCheckboxProps: (r) => ({
                  disabled: !props.selection!.selectable(r),
                  'aria-label': `选择 ${r.title}`,
                }),
              }
            : undefined,
        }}
      />
    </PageCard>
  );
}

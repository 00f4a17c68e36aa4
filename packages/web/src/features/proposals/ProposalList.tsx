import { useMemo, type Key, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Flex, Form, Grid, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined } from '@ant-design/icons';
import {
  proposalKindLabels,
  proposalStateLabels,
  proposalStates,
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
import { DownloadButton, StateTag } from './common';

/** Filters a figure may hand over besides the visible ones; shown as tags so the user sees why the list is narrow. */
const passThrough: Record<string, string> = {
  stage: '统计口径',
  answerCategory: '答复类别',
  satisfaction: '满意度',
  sectorId: '界别',
  year: '年度',
};
const stageLabels: Record<string, string> = {
  submitted: '已提交',
  accepted: '已立案',
  answered: '已办复',
  handling: '办理中',
  pendingReview: '待审查',
};
const visibleFilters = ['q', 'state', 'category', 'kind', 'sessionId', 'unitId'];

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
  const [searchParams, setSearchParams] = useSearchParams();
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
    for (const key of [...visibleFilters, ...Object.keys(passThrough)]) {
      const v = searchParams.get(key);
      if (v) out[key] = v;
    }
    return out;
  }, [searchParams, props.view, narrow]);
  const list = useProposalList(params);

  function update(next: Record<string, string | number | undefined>, resetPage = true) {
    const merged = new URLSearchParams(searchParams);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '' || v === null) merged.delete(k);
      else merged.set(k, String(v));
    }
    if (resetPage) merged.delete('page');
    setSearchParams(merged, { replace: true });
  }

  const initialValues = useMemo(() => {
    const out: Record<string, unknown> = {};
    for (const key of visibleFilters) {
      const v = searchParams.get(key);
      if (v) out[key] = /^\d+$/.test(v) && key.endsWith('Id') ? Number(v) : v;
    }
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
            ? (satisfactionLabels[v as keyof typeof satisfactionLabels] ?? v)
            : key === 'sectorId'
              ? sectorName(v)
              : v;
      return (
        <Tag key={key} closable onClose={() => update({ [key]: undefined })}>
          {passThrough[key]}：{text}
        </Tag>
      );
    })
    .filter(Boolean);

  const baseColumns: ColumnsType<ProposalListItem> = [
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
      width: 320,
      render: (_, r) => (
        <Flex gap={4} wrap style={{ maxWidth: 320 }}>
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
    { title: '办理期限', dataIndex: 'deadline', key: 'deadline', render: dateText, sorter: true },
  ];
  const columns = baseColumns.map((c) =>
    c.sorter
      ? {
          ...c,
          sortOrder:
            params.sort === c.key
              ? params.order === 'desc'
                ? ('descend' as const)
                : ('ascend' as const)
              : null,
        }
      : c,
  );

  const pagination = {
    current: Number(params.page),
    pageSize: Number(params.pageSize),
    total: list.data?.total ?? 0,
    showTotal: (total: number) => `共 ${total} 件`,
    size: 'small' as const,
    onChange: (page: number, pageSize: number) => update({ page, pageSize }, false),
  };

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          {props.extra}
          {props.showExport && (
            <DownloadButton
              path={proposalDocuments.list}
              query={Object.fromEntries(
                Object.entries(params).filter(([k]) => k !== 'page' && k !== 'pageSize'),
              )}
            >
              导出 Excel
            </DownloadButton>
          )}
        </Space>
      }
      styles={{ body: narrow ? { padding: 12 } : undefined }}
    >
      <Form
        form={form}
        layout={narrow ? 'vertical' : 'inline'}
        initialValues={initialValues}
        onFinish={(values: Record<string, unknown>) =>
          update(
            Object.fromEntries(
              visibleFilters.map((k) => [k, (values[k] as string | number | undefined) ?? undefined]),
            ),
          )
        }
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="q" label="关键词" style={narrow ? { marginBottom: 8 } : undefined}>
          <Input allowClear placeholder="案由或提案号" style={{ width: narrow ? '100%' : 180 }} />
        </Form.Item>
        <Form.Item name="state" label="状态" style={narrow ? { marginBottom: 8 } : undefined}>
          <Select
            allowClear
            options={stateOptions}
            placeholder="全部"
            style={{ width: narrow ? '100%' : 130 }}
          />
        </Form.Item>
        {!narrow && (
          <>
            <Form.Item name="category" label="类别">
              <Select allowClear options={categoryOptions} placeholder="全部" style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="kind" label="类型">
              <Select
                allowClear
                placeholder="全部"
                style={{ width: 120 }}
                options={Object.entries(proposalKindLabels).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item name="sessionId" label="会议">
              <Select
                allowClear
                placeholder="全部"
                style={{ width: 180 }}
                options={toSelectOptions(formOptions.data?.sessions)}
              />
            </Form.Item>
            {props.showUnitFilter && (
              <Form.Item name="unitId" label="承办单位">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="全部"
                  style={{ width: 200 }}
                  options={toSelectOptions(formOptions.data?.units)}
                />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                setSearchParams(new URLSearchParams(), { replace: true });
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {chips.length > 0 && (
        <Flex gap={4} wrap style={{ marginBottom: 12 }}>
          {chips}
        </Flex>
      )}
      {narrow ? (
        <List
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: props.emptyText ?? '暂无提案' }}
          pagination={pagination}
          renderItem={(r) => (
            <List.Item key={r.id} style={{ paddingInline: 0 }}>
              <Link to={`/proposals/${r.id}`} style={{ display: 'block', width: '100%', color: 'inherit' }}>
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
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  {r.overdue ? ' · 超期' : ''}
                </Typography.Text>
              </Link>
            </List.Item>
          )}
        />
      ) : (
        <Table<ProposalListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: props.emptyText ?? '暂无提案' }}
          pagination={{ ...pagination, onChange: undefined, size: undefined, showSizeChanger: true }}
          onChange={(pager, _filters, sorter) => {
            // One update for paging and sorting, so neither overwrites the other.
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = one?.order ? String(one.columnKey) : undefined;
            const order = key ? (one?.order === 'descend' ? 'desc' : 'asc') : undefined;
            const sortChanged = (key ?? 'updatedAt') !== params.sort || (order ?? 'desc') !== params.order;
            update(
              { sort: key, order, page: sortChanged ? undefined : pager.current, pageSize: pager.pageSize },
              false,
            );
          }}
          rowSelection={
            props.selection
              ? {
                  selectedRowKeys: props.selection.selectedKeys,
                  preserveSelectedRowKeys: true,
                  onChange: props.selection.onChange,
                  getCheckboxProps: (r) => ({
                    disabled: !props.selection!.selectable(r),
                    'aria-label': `选择 ${r.title}`,
                  }),
                }
              : undefined
          }
        />
      )}
    </Card>
  );
}

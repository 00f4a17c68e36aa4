import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Drawer, Flex, Form, Grid, Space, Table, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { downloadFile } from '../api/client';
import { useResourceList, type Identified, type ListParams } from '../api/resources';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { allowed } from '../hooks/usePolicy';
import { showError } from '../app/notifier';
import { ResourceEditDrawer, type ResourceForm } from './ResourceEditDrawer';
import { ResourceFilterBar, type FilterField } from './ResourceFilterBar';

export type { FilterField, ResourceForm };

export interface ResourcePageProps<T extends Identified> {
  title: string;
  /** Singular noun used in buttons and messages: 新建{noun}. */
  noun: string;
  endpoint: string;
  columns: ColumnsType<T>;
  filters?: FilterField[];
  searchPlaceholder?: string;
  /** The collection ability (`/api/auth/me`) that creates, while the list answer carries no `policies.canCreate`. */
  createAbility?: string;
  form?: ResourceForm<T>;
  /** Extra buttons in the toolbar (import …). */
  toolbar?: ReactNode;
  /** Extra actions per row, after 编辑. */
  rowActions?: (record: T) => ReactNode;
  /** Content of the 查看 drawer; without it there is no 查看 action. */
  detail?: (record: T) => ReactNode;
  exportable?: boolean;
  defaultSort?: { sort: string; order: 'asc' | 'desc' };
}

/** List page with search, filters, sorting, paging, xlsx export and a create/edit drawer. */
export function ResourcePage<T extends Identified>(props: ResourcePageProps<T>) {
  const { title, noun, endpoint, form: formSpec } = props;
  const user = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const [searchParams, setSearchParams] = useSearchParams();
  const [filterForm] = Form.useForm();
  const [editing, setEditing] = useState<T | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [formInitial, setFormInitial] = useState<Record<string, unknown>>({});
  const [viewing, setViewing] = useState<T | null>(null);
  const [exporting, setExporting] = useState(false);

  const params: ListParams = useMemo(() => {
    const out: ListParams = {
      page: Number(searchParams.get('page') ?? 1) || 1,
      pageSize: Number(searchParams.get('pageSize') ?? 20) || 20,
      sort: searchParams.get('sort') ?? props.defaultSort?.sort,
      order: (searchParams.get('order') as 'asc' | 'desc' | null) ?? props.defaultSort?.order,
      q: searchParams.get('q') ?? undefined,
    };
    for (const f of props.filters ?? []) {
      const v = searchParams.get(f.name);
      if (v !== null && v !== '') out[f.name] = v;
    }
    return out;
  }, [searchParams, props.filters, props.defaultSort]);

  const list = useResourceList<T>(endpoint, params);
  const canCreate =
    !!formSpec &&
    (list.data?.policies
      ? allowed(list.data, 'canCreate')
      : user.abilities[props.createAbility ?? ''] === true);

  function updateParams(next: Record<string, string | number | undefined>, resetPage = true) {
    const merged = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '') merged.delete(key);
      else merged.set(key, String(value));
    }
    if (resetPage) merged.delete('page');
    setSearchParams(merged, { replace: true });
  }

  function applyFilters(values: Record<string, unknown>) {
    const next: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(values)) {
      next[key] = value === undefined || value === null || value === '' ? undefined : String(value);
    }
    updateParams(next);
  }

  function resetFilters() {
    filterForm.resetFields();
    const next: Record<string, undefined> = { q: undefined };
    for (const f of props.filters ?? []) next[f.name] = undefined;
    updateParams(next);
  }

  function onTableChange(
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<T> | SorterResult<T>[],
  ) {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const sortKey = s?.order ? String(s.columnKey ?? s.field ?? '') : undefined;
    const sortChanged =
      sortKey !== params.sort || (s?.order === 'descend' ? 'desc' : 'asc') !== (params.order ?? 'asc');
    updateParams(
      {
        page: sortChanged ? undefined : pagination.current,
        pageSize: pagination.pageSize,
        sort: sortKey,
        order: sortKey ? (s?.order === 'descend' ? 'desc' : 'asc') : undefined,
      },
      false,
    );
  }

  function openCreate() {
    setEditing(null);
    setFormInitial(formSpec?.initialValues ?? {});
    setFormOpen(true);
  }

  function openEdit(record: T) {
    setEditing(record);
    setFormInitial(
      formSpec?.toValues ? formSpec.toValues(record) : (record as unknown as Record<string, unknown>),
    );
    setFormOpen(true);
  }

  async function exportList() {
    setExporting(true);
    try {
      const query = { ...params };
      delete query.page;
      delete query.pageSize;
      await downloadFile(`${endpoint}/export`, query, `${title}.xlsx`);
    } catch (error) {
      showError(error instanceof Error ? error.message : '导出失败');
    } finally {
      setExporting(false);
    }
  }

  const columns: ColumnsType<T> = useMemo(() => {
    const withSort = props.columns.map((c) => {
      const key = String(c.key ?? '');
      if (!c.sorter || !key) return c;
      return {
        ...c,
        sortOrder:
          params.sort === key ? (params.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null,
      };
    });
    const hasActions = !!formSpec || !!props.detail || !!props.rowActions;
    if (!hasActions) return withSort;
    return [
      ...withSort,
      {
        title: '操作',
        key: 'actions',
        fixed: screens.md ? ('right' as const) : undefined,
        width: 1,
        render: (_: unknown, record: T) => (
          <Space size={0} wrap={false}>
            {props.detail && (
              <Button type="link" size="small" onClick={() => setViewing(record)}>
                查看
              </Button>
            )}
            {formSpec && allowed(record, 'canUpdate') && (
              <Button type="link" size="small" onClick={() => openEdit(record)}>
                编辑
              </Button>
            )}
            {props.rowActions?.(record)}
          </Space>
        ),
      },
    ];
    // openEdit only reads state setters and the form instance.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.columns, props.detail, props.rowActions, formSpec, params.sort, params.order, screens.md]);

  // The address is the source of truth (home cards link to filtered lists): the form follows it.
  // Keyed by strings: pages pass a fresh `filters` array on every render, and the form must not be
  // reset while the user is typing.
  const query = searchParams.toString();
  const filterNames = (props.filters ?? []).map((f) => f.name).join(',');
  const urlFilters = useMemo(() => {
    const current = new URLSearchParams(query);
    const out: Record<string, unknown> = { q: current.get('q') ?? undefined };
    for (const name of filterNames ? filterNames.split(',') : []) {
      const v = current.get(name);
      out[name] = v === null ? undefined : /^\d+$/.test(v) ? Number(v) : v;
    }
    return out;
  }, [query, filterNames]);
  useEffect(() => filterForm.setFieldsValue(urlFilters), [filterForm, urlFilters]);

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          {props.toolbar}
          {props.exportable !== false && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportList}>
              导出
            </Button>
          )}
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={openCreate}>
              新建{noun}
            </Button>
          )}
        </Space>
      }
    >
      <ResourceFilterBar
        form={filterForm}
        filters={props.filters}
        searchPlaceholder={props.searchPlaceholder}
        initialValues={urlFilters}
        onApply={applyFilters}
        onReset={resetFilters}
      />
      <Table<T>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        onChange={onTableChange}
        pagination={{
          current: Number(params.page),
          pageSize: Number(params.pageSize),
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
        }}
      />
      {formSpec && formOpen && (
        <ResourceEditDrawer<T>
          noun={noun}
          endpoint={endpoint}
          spec={formSpec}
          editing={editing}
          initialValues={formInitial}
          wide={!!screens.md}
          onClose={() => setFormOpen(false)}
        />
      )}
      {props.detail && (
        <Drawer
          title={`${noun}详情`}
          open={!!viewing}
          size={screens.md ? 640 : '100%'}
          onClose={() => setViewing(null)}
          destroyOnHidden
        >
          {viewing && props.detail(viewing)}
        </Drawer>
      )}
    </Card>
  );
}

/** A column that the server can sort by: `key` is the sort name sent as `sort`. */
export function sortable<T>(column: ColumnsType<T>[number] & { key: string }): ColumnsType<T>[number] {
  return { ...column, sorter: true };
}

/** Buttons laid out in a toolbar row, used by detail drawers. */
export function DetailActions({ children }: { children: ReactNode }) {
  return (
    <Flex gap={8} wrap style={{ marginTop: 16 }}>
      {children}
    </Flex>
  );
}

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import {
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Space,
  Table,
  Typography,
  type FormInstance,
} from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Role } from '@cppcc/shared';
import type { z } from 'zod';
import { downloadFile } from '../api/client';
import { useResourceList, useSaveResource, type Identified, type ListParams } from '../api/resources';
import { hasAnyRole, useCurrentUser } from '../hooks/useCurrentUser';
import { allowed } from '../hooks/usePolicy';
import { showError, showSuccess } from '../app/notifier';
import { applyServerErrors, validateBody } from './zodForm';

export interface FilterField {
  name: string;
  label: string;
  /** The input; it receives value/onChange from the filter form. */
  input: ReactNode;
}

export interface ResourceForm<T> {
  /** The shared zod schema of the body; a function when create and update differ. */
  schema?: z.ZodType | ((editing: T | null) => z.ZodType);
  /** Chinese labels by field, used in messages of the submit-time check. */
  labels?: Record<string, string>;
  fields: (ctx: { form: FormInstance; editing: T | null }) => ReactNode;
  initialValues?: Record<string, unknown>;
  toValues?: (record: T) => Record<string, unknown>;
  toBody?: (values: Record<string, unknown>, editing: T | null) => Record<string, unknown>;
  /** A question to confirm before saving, e.g. when a change cannot be undone easily. */
  confirm?: (body: Record<string, unknown>, editing: T | null) => string | null;
  /** Called with the server's answer, e.g. to show a one-time password. */
  onSaved?: (saved: unknown, editing: T | null) => void;
  width?: number;
}

export interface ResourcePageProps<T extends Identified> {
  title: string;
  /** Singular noun used in buttons and messages: 新建{noun}. */
  noun: string;
  endpoint: string;
  columns: ColumnsType<T>;
  filters?: FilterField[];
  searchPlaceholder?: string;
  /** Roles that may create when the list answer carries no `policies.canCreate`. */
  createRoles?: readonly Role[];
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
    (list.data?.policies ? allowed(list.data, 'canCreate') : hasAnyRole(user, props.createRoles ?? []));

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
      {/* Named forms prefix their field ids (filter_sectorId, edit_sectorId): each label finds its own input. */}
      <Form
        name="filter"
        form={filterForm}
        layout="inline"
        initialValues={urlFilters}
        onFinish={applyFilters}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="q" label="关键词">
          <Input allowClear placeholder={props.searchPlaceholder ?? '名称'} style={{ width: 200 }} />
        </Form.Item>
        {(props.filters ?? []).map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label}>
            {f.input}
          </Form.Item>
        ))}
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button icon={<ReloadOutlined />} onClick={resetFilters}>
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
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
        <EditDrawer<T>
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

function EditDrawer<T extends Identified>(props: {
  noun: string;
  endpoint: string;
  spec: ResourceForm<T>;
  editing: T | null;
  initialValues: Record<string, unknown>;
  wide: boolean;
  onClose: () => void;
}) {
  const { spec, editing, noun } = props;
  const [form] = Form.useForm();
  const { modal } = App.useApp();
  const save = useSaveResource<T>(props.endpoint);

  async function submit() {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    const body = spec.toBody ? spec.toBody(values, editing) : values;
    const schema = typeof spec.schema === 'function' ? spec.schema(editing) : spec.schema;
    if (schema && !validateBody(form, schema, body, spec.labels)) return;
    const run = () =>
      save.mutate(
        { id: editing?.id, body },
        {
          onSuccess: (saved) => {
            showSuccess(editing ? '已保存' : `已新建${noun}`);
            spec.onSaved?.(saved, editing);
            props.onClose();
          },
          onError: (error) => applyServerErrors(form, error),
        },
      );
    const question = spec.confirm?.(body, editing);
    if (question)
      modal.confirm({
        title: '请确认',
        content: question,
        okText: '确定保存',
        cancelText: '取消',
        onOk: run,
      });
    else run();
  }

  return (
    <Drawer
      title={editing ? `编辑${noun}` : `新建${noun}`}
      open
      size={props.wide ? (spec.width ?? 520) : '100%'}
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={submit}>
            保存
          </Button>
        </Space>
      }
    >
      <Form name="edit" form={form} layout="vertical" initialValues={props.initialValues} onFinish={submit}>
        {spec.fields({ form, editing })}
      </Form>
    </Drawer>
  );
}

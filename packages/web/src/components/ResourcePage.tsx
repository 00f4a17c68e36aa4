import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, Drawer, Form, Grid, Input, Space } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useResourceList, type Identified, type ListParams } from '../api/resources';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { allowed } from '../hooks/usePolicy';
import { DownloadButton } from './DownloadButton';
import { FilterBar, type FilterField } from './FilterBar';
import { tableChange, useListAddress, withSortOrder } from './listAddress';
import { PageCard } from './PageCard';
import { PagedTable, type ListColumn } from './PagedTable';
import { ResourceEditDrawer, type ResourceForm } from './ResourceEditDrawer';

export type { FilterField, ResourceForm };

export interface ResourcePageProps<T extends Identified> {
  title: string;
  /** Singular noun used in buttons and messages: 新建{noun}. */
  noun: string;
  endpoint: string;
  columns: ListColumn<T>[];
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
  const { searchParams, update } = useListAddress();
  const [filterForm] = Form.useForm();
  const [editing, setEditing] = useState<T | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [formInitial, setFormInitial] = useState<Record<string, unknown>>({});
  const [viewing, setViewing] = useState<T | null>(null);

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
  const { page, pageSize, ...exportQuery } = params;

  const list = useResourceList<T>(endpoint, params);
  const canCreate =
    !!formSpec &&
    (list.data?.policies
      ? allowed(list.data, 'canCreate')
      : user.abilities[props.createAbility ?? ''] === true);

  function applyFilters(values: Record<string, unknown>) {
    const next: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(values)) {
      next[key] = value === undefined || value === null || value === '' ? undefined : String(value);
    }
    update(next);
  }

  function resetFilters() {
    filterForm.resetFields();
    const next: Record<string, undefined> = { q: undefined };
    for (const f of props.filters ?? []) next[f.name] = undefined;
    update(next);
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

  const columns: ListColumn<T>[] = useMemo(() => {
    const withSort = withSortOrder(props.columns, params.sort, params.order);
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
    <PageCard title={title}>
      <FilterBar
        name="filter"
        form={filterForm}
        fields={[
          {
            name: 'q',
            label: '关键词',
            input: (
              <Input allowClear placeholder={props.searchPlaceholder ?? '名称'} style={{ width: 200 }} />
            ),
          },
          ...(props.filters ?? []),
        ]}
        initialValues={urlFilters}
        onApply={applyFilters}
        onReset={resetFilters}
      />
      <PagedTable<T>
        columns={columns}
        list={list}
        actions={
          <>
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={openCreate}>
                新建{noun}
              </Button>
            )}
            {props.toolbar}
            {props.exportable !== false && (
              <DownloadButton
                path={`${endpoint}/export`}
                query={exportQuery}
                fileName={`${title}.xlsx`}
                icon={<DownloadOutlined />}
              >
                导出
              </DownloadButton>
            )}
          </>
        }
        page={Number(page)}
        pageSize={Number(pageSize)}
        onChange={(pagination, _filters, sorter) =>
          update(tableChange(pagination, sorter, params, { order: 'asc' }), false)
        }
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
    </PageCard>
  );
}

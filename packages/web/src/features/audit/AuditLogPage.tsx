import { useState } from 'react';
import { AutoComplete, DatePicker, Form, Input, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { auditActionLabels, roleLabels, type AuditEntryDto, type Role } from '@cppcc/shared';
import { useResourceList, type ListParams } from '../../api/resources';
import { dateTimeText } from '../../components/columns';
import { DownloadButton } from '../../components/DownloadButton';
import { FilterBar, type FilterField } from '../../components/FilterBar';
import { PageCard } from '../../components/PageCard';
import { PagedTable } from '../../components/PagedTable';

type AuditEntry = AuditEntryDto;

interface Filters {
  actor?: string;
  action?: string;
  targetType?: string;
  ip?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const columns: ColumnsType<AuditEntry> = [
  { title: '时间', dataIndex: 'createdAt', key: 'createdAt', render: dateTimeText, width: 150 },
  {
    title: '操作人',
    dataIndex: 'actorName',
    key: 'actorName',
    render: (name: string | null, r) => (
      <>
        {name ?? '（未登录）'}
        {r.actorRole && (
          <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }}>
            {roleLabels[r.actorRole as Role] ?? r.actorRole}
          </Typography.Text>
        )}
      </>
    ),
  },
  {
    title: '操作',
    dataIndex: 'action',
    key: 'action',
    render: (a: string) => (
      <>
        {auditActionLabels[a] ?? a}
        <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }}>
          {a}
        </Typography.Text>
      </>
    ),
  },
  {
    title: '对象',
    key: 'target',
    render: (_, r) => (r.targetType ? `${r.targetType}${r.targetId ? ` #${r.targetId}` : ''}` : ''),
  },
  { title: '摘要', dataIndex: 'summary', key: 'summary' },
  { title: 'IP 地址', dataIndex: 'ip', key: 'ip' },
];

const actionOptions = Object.entries(auditActionLabels).map(([value, label]) => ({
  value,
  label: `${label}（${value}）`,
}));

const filterFields: FilterField[] = [
  {
    name: 'actor',
    label: '操作人',
    input: <Input allowClear placeholder="姓名或用户名" style={{ width: 160 }} />,
  },
  {
    name: 'action',
    label: '操作类型',
    input: (
      <AutoComplete
        allowClear
        placeholder="如 account（按前缀匹配）"
        style={{ width: 200 }}
        options={actionOptions}
        filterOption={(input, option) => !!option && `${option.value}${option.label}`.includes(input)}
      />
    ),
  },
  {
    name: 'targetType',
    label: '对象类型',
    input: <Input allowClear placeholder="如 user、member" style={{ width: 140 }} />,
  },
  { name: 'ip', label: 'IP 地址', input: <Input allowClear style={{ width: 140 }} /> },
  { name: 'range', label: '日期范围', input: <DatePicker.RangePicker allowEmpty={[true, true]} /> },
];

function toParams(values: Filters): ListParams {
  const [from, to] = values.range ?? [];
  return {
    actor: values.actor?.trim() || undefined,
    action: values.action?.trim() || undefined,
    targetType: values.targetType?.trim() || undefined,
    ip: values.ip?.trim() || undefined,
    from: from ? from.format('YYYY-MM-DD') : undefined,
    to: to ? to.format('YYYY-MM-DD') : undefined,
  };
}

/** Read-only audit trail for the audit administrator: filter, page, export. */
export default function AuditLogPage() {
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<ListParams>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  // Newest first, always: the log reads like a journal and the server offers no other order.
  const list = useResourceList<AuditEntry>('/api/audit-log', { ...filters, ...paging });

  function filter(next: ListParams) {
    setFilters(next);
    setPaging((p) => ({ ...p, page: 1 }));
  }

  return (
    <PageCard title="审计日志">
      <FilterBar<Filters>
        form={form}
        fields={filterFields}
        onApply={(values) => filter(toParams(values))}
        onReset={() => {
          form.resetFields();
          filter({});
        }}
      />
      <PagedTable<AuditEntry>
        columns={columns}
        list={list}
        page={paging.page}
        pageSize={paging.pageSize}
        actions={
          <DownloadButton
            path="/api/audit-log/export"
            query={filters}
            fileName="审计日志.xlsx"
            icon={<DownloadOutlined />}
          >
            导出
          </DownloadButton>
        }
        onChange={(p) => setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 50 })}
        expandable={{
          rowExpandable: (r) => r.changes != null,
          expandedRowRender: (r) => (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>
              {JSON.stringify(r.changes, null, 2)}
            </pre>
          ),
        }}
      />
    </PageCard>
  );
}

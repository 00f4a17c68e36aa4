import { useState } from 'react';
import { AutoComplete, Button, Card, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { auditActionLabels, roleLabels, type AuditEntryDto, type Role } from '@cppcc/shared';
import { downloadFile } from '../../api/client';
import { useResourceList, type ListParams } from '../../api/resources';
import { dateTimeText } from '../../components/columns';
import { showError } from '../../app/notifier';

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
  const [exporting, setExporting] = useState(false);
  // Newest first, always: the log reads like a journal and the server offers no other order.
  const params = { ...filters, ...paging };
  const list = useResourceList<AuditEntry>('/api/audit-log', params);

  function onTableChange(p: TablePaginationConfig) {
    setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 50 });
  }

  async function exportLog() {
    setExporting(true);
    try {
      await downloadFile('/api/audit-log/export', filters, '审计日志.xlsx');
    } catch (error) {
      showError(error instanceof Error ? error.message : '导出失败');
    } finally {
      setExporting(false);
    }
  }

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          审计日志
        </Typography.Title>
      }
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportLog}>
          导出
        </Button>
      }
    >
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) => {
          setFilters(toParams(values));
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="actor" label="操作人">
          <Input allowClear placeholder="姓名或用户名" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="action" label="操作类型">
          <AutoComplete
            allowClear
            placeholder="如 account（按前缀匹配）"
            style={{ width: 200 }}
            options={actionOptions}
            filterOption={(input, option) => !!option && `${option.value}${option.label}`.includes(input)}
          />
        </Form.Item>
        <Form.Item name="targetType" label="对象类型">
          <Input allowClear placeholder="如 user、member" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="ip" label="IP 地址">
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="range" label="日期范围">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPaging((p) => ({ ...p, page: 1 }));
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        onChange={onTableChange}
        expandable={{
          rowExpandable: (r) => r.changes != null,
          expandedRowRender: (r) => (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>
              {JSON.stringify(r.changes, null, 2)}
            </pre>
          ),
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 条`,
        }}
      />
    </Card>
  );
}

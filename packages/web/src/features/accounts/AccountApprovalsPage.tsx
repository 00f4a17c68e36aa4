import { useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AccountApprovalDto, AccountApprovalStatus } from '@cppcc/shared';
import { useAccountApprovals, useDecideApproval } from '../../api/accounts';
import { dateTimeText } from '../../components/columns';
import { SideScroll } from '../../components/SideScroll';
import { showSuccess } from '../../app/notifier';
import { allowed } from '../../hooks/usePolicy';
import { showInitialPassword } from './initialPassword';

const statusColors: Record<AccountApprovalStatus, string> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'default',
};

/** 三员分立: a second administrator approves or rejects changes that hand out administrator powers. */
export default function AccountApprovalsPage() {
  const { modal } = App.useApp();
  const [status, setStatus] = useState<AccountApprovalStatus>('pending');
  const [note, setNote] = useState('');
  const list = useAccountApprovals(status);
  const decide = useDecideApproval();

  const approve = (a: AccountApprovalDto) =>
    decide.mutate(
      { id: a.id, approve: true },
      {
        onSuccess: (r) => {
          if (r.initialPassword && r.account)
            showInitialPassword(modal, '已批准并执行', r.account.username, r.initialPassword);
          else showSuccess('已批准并执行');
        },
      },
    );
  const reject = (a: AccountApprovalDto) =>
    decide.mutate(
      { id: a.id, approve: false, note: note.trim() },
      { onSuccess: () => (setNote(''), showSuccess('已驳回')) },
    );

  const columns: ColumnsType<AccountApprovalDto> = [
    { title: '申请时间', dataIndex: 'requestedAt', key: 'requestedAt', render: dateTimeText, width: 150 },
    { title: '类型', dataIndex: 'kindLabel', key: 'kind' },
    { title: '内容', dataIndex: 'summary', key: 'summary' },
    { title: '申请人', dataIndex: 'requestedByName', key: 'requestedBy' },
    {
      title: '状态',
      key: 'status',
      render: (_, a) => (
        <Space size={4} wrap>
          <Tag color={statusColors[a.status]}>{a.statusLabel}</Tag>
          {a.decidedByName && (
            <Typography.Text type="secondary">
              {a.decidedByName} {dateTimeText(a.decidedAt)}
              {a.decisionNote ? `（${a.decisionNote}）` : ''}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, a) =>
        allowed(a, 'canDecide') ? (
          <Space size={0} wrap>
            <Popconfirm
              title="批准并执行"
              description={`批准后立即生效：${a.summary}。确定批准吗？`}
              okText="批准"
              cancelText="取消"
              onConfirm={() => approve(a)}
            >
              <Button type="link" size="small" loading={decide.isPending}>
                批准
              </Button>
            </Popconfirm>
            <Popconfirm
              title="驳回申请"
              description={
                <Input
                  aria-label="驳回理由"
                  placeholder="驳回理由（可不填）"
                  maxLength={200}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
              }
              okText="驳回"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => reject(a)}
            >
              <Button type="link" size="small" danger>
                驳回
              </Button>
            </Popconfirm>
          </Space>
        ) : a.status === 'pending' ? (
          <Typography.Text type="secondary">须由另一位管理员审批</Typography.Text>
        ) : null,
    },
  ];

  return (
    <Card
      title="管理员变更审批"
      extra={
        <Segmented<AccountApprovalStatus>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'pending', label: '待审批' },
            { value: 'approved', label: '已批准' },
            { value: 'rejected', label: '已驳回' },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        三员分立：创建、启用管理员账号，授予管理员角色，重置管理员密码，须由申请人以外的另一位系统管理员或安全管理员批准；
        批准后一次性初始密码只显示给批准人，请当面交给本人。
      </Typography.Paragraph>
      <SideScroll label="管理员变更申请">
        <Table<AccountApprovalDto>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          pagination={false}
          style={{ minWidth: 720 }}
        />
      </SideScroll>
    </Card>
  );
}

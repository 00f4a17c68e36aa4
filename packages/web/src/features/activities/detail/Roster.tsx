import { useState } from 'react';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { attendanceLabels, type AttendanceResult } from '@cppcc/shared';
import type { InvitationDto } from '../../../api/activities';
import { yesNo } from '../../../components/columns';
import { MarkAttendanceDialog } from '../actions/ActivityDialogs';
import type { ActivityActionContext } from '../actions/context';
import { AttendanceTag, LeaveStateTag, signedInText } from '../common';

const resultFilters = (Object.keys(attendanceLabels) as AttendanceResult[]).map((r) => ({
  text: attendanceLabels[r],
  value: r,
}));

/**
 * Every invitee with their reply, sign-in and result. The staff tick rows to mark or correct results in
 * one go (and to remove invitations, through the page's 取消邀请).
 */
export function Roster(props: { context: ActivityActionContext; onSelect: (rows: InvitationDto[]) => void }) {
  const { activity: a, selected } = props.context;
  const canMark = a.policies.canMarkAttendance === true;
  const selectable = canMark || a.policies.canRemoveInvitation === true;
  const [dialog, setDialog] = useState<'open' | 'closing' | null>(null);
  const sectors = [...new Set(a.invitations.map((i) => i.sectorName))].map((s) => ({ text: s, value: s }));

  const columns: ColumnsType<InvitationDto> = [
    { title: '委员', dataIndex: 'memberName', key: 'memberName', fixed: 'left' },
    {
      title: '界别',
      dataIndex: 'sectorName',
      key: 'sectorName',
      filters: sectors,
      onFilter: (v, i) => i.sectorName === v,
    },
    { title: '活动小组', dataIndex: 'groupName', key: 'groupName', render: (g: string | null) => g ?? '' },
    { title: '须出席', dataIndex: 'mandatory', key: 'mandatory', render: yesNo },
    {
      title: '回复',
      key: 'reply',
      render: (_, i) => (
        <Flex gap={4} wrap>
          <Tag color={i.reply === 'attending' ? 'green' : i.reply === 'leave' ? 'blue' : 'default'}>
            {i.replyLabel}
          </Tag>
          {i.leaveState && <LeaveStateTag state={i.leaveState} />}
        </Flex>
      ),
    },
    {
      title: '签到',
      key: 'signedInAt',
      render: (_, i) =>
        i.signedInAt ? `${signedInText(i.signedInAt, a.startsAt)}（${i.signInMethodLabel ?? ''}）` : '未签到',
    },
    {
      title: a.state === 'closed' ? '出席情况' : '出席情况（登记 / 预计）',
      key: 'attendance',
      filters: resultFilters,
      onFilter: (v, i) => (i.attendance ?? i.expectedAttendance) === v,
      render: (_, i) =>
        i.attendance ? (
          <AttendanceTag result={i.attendance} label={i.attendanceLabel} />
        ) : (
          <Typography.Text type="secondary">预计{i.expectedAttendanceLabel}</Typography.Text>
        ),
    },
  ];

  return (
    <Card
      title={`参加委员（${a.invitations.length} 人）`}
      size="small"
      extra={
        canMark && (
          <Button type="primary" disabled={selected.length === 0} onClick={() => setDialog('open')}>
            {selected.length ? `登记出席情况（${selected.length}）` : '登记出席情况'}
          </Button>
        )
      }
    >
      {canMark && (
        <Typography.Paragraph type="secondary">
          勾选委员后登记出席、迟到、早退、请假或缺席；已登记的可以更正（须说明理由）。结束活动时，未登记者按预计结果定稿。
        </Typography.Paragraph>
      )}
      <Table<InvitationDto>
        rowKey="memberId"
        size="small"
        dataSource={a.invitations}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={a.invitations.length > 50 ? { pageSize: 50, showSizeChanger: true } : false}
        locale={{ emptyText: '尚未邀请委员' }}
        rowSelection={
          selectable
            ? {
                selectedRowKeys: selected.map((i) => i.memberId),
                onChange: (_keys, rows) => props.onSelect(rows.filter(Boolean)),
                getCheckboxProps: (i) => ({ 'aria-label': `选择 ${i.memberName}` }),
              }
            : undefined
        }
      />
      {dialog && (
        <MarkAttendanceDialog
          context={props.context}
          open={dialog === 'open'}
          onClose={() => {
            setDialog('closing');
          }}
          afterClose={() => {
            setDialog(null);
          }}
        />
      )}
    </Card>
  );
}

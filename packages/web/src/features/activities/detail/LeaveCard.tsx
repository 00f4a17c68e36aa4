import { Flex, Typography } from 'antd';
import type { ActivityDetail } from '../../../api/activities';
import { dateTimeText } from '../../../components/columns';
import { ListCard } from '../../../components/ListCard';
import { LeaveActions } from '../actions/LeaveActions';
import { LeaveStateTag } from '../common';

/** The activity's leave requests with their decisions; the approver decides here, a member withdraws. */
export function LeaveCard({ activity }: { activity: ActivityDetail }) {
  return (
    <ListCard
      title="请假申请"
      optional
      items={activity.leaveRequests}
      render={(l) => (
        <Flex vertical gap={4} style={{ width: '100%' }}>
          <Flex gap={8} wrap align="center">
            <Typography.Text strong>{l.memberName}</Typography.Text>
            <LeaveStateTag state={l.state} label={l.stateLabel} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dateTimeText(l.requestedAt)} 申请
            </Typography.Text>
          </Flex>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>理由：{l.reason}</Typography.Text>
          {l.decidedAt && (
            <Typography.Text type="secondary">
              {l.decidedByName ?? ''} {dateTimeText(l.decidedAt)} 审批
              {l.decisionNote ? `：${l.decisionNote}` : ''}
            </Typography.Text>
          )}
          <LeaveActions leave={l} />
        </Flex>
      )}
    />
  );
}

import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Card, Descriptions, Flex, Grid, Space, Tag, Typography } from 'antd';
import { activityCategoryLabels, activityStateLabels, type ActivityState } from '@cppcc/shared';
import { useActivity, type ActivityDetail } from '../../api/activities';
import { Attachments } from '../../components/AttachmentLinks';
import { dateTimeText } from '../../components/columns';
import { LoadedRecord } from '../../components/LoadedRecord';
import { RecordTimeline } from '../../components/RecordTimeline';
import { useCurrentUser } from '../../hooks/useCurrentUser';
import { ActivityActions, useActivityContext } from './actions/ActivityActions';
import { MemberActions } from './actions/MemberActions';
import { ActivityStateTag, AttendanceTag, LeaveStateTag, timeRange } from './common';
import { LeaveCard } from './detail/LeaveCard';
import { Roster } from './detail/Roster';
import { Summary } from './detail/Summary';
import { ActivityOutcomeCard } from './outcomes/ActivityOutcomeCard';
import { ActivitySpeechesCard } from './outcomes/ActivitySpeechesCard';
import { ActivitySuggestionsCard } from './outcomes/ActivitySuggestionsCard';

/** One activity: for the staff its roster, marks and workflow; for a leader the same to read; for a member their invitation. */
export default function ActivityDetailPage() {
  const id = Number(useParams().id);
  const query = useActivity(Number.isInteger(id) && id > 0 ? id : null);
  return (
    <LoadedRecord query={query} notFound="活动不存在或无权查看">
      {(record) => <Detail activity={record} />}
    </LoadedRecord>
  );
}

const timelineColor = (action: string) =>
  action === 'cancel' || action === 'reopen' ? 'red' : action === 'close' ? 'green' : 'blue';

function Detail({ activity: a }: { activity: ActivityDetail }) {
  const narrow = Grid.useBreakpoint().md === false;
  // Staff and leaders see the whole roster; an invitee only their own row.
  const overview = a.policies.canSeeRoster === true;
  // Ticked roster rows by member, read from the current record so a refreshed roster stays right.
  const [ticked, setTicked] = useState<number[]>([]);
  const selected = a.invitations.filter((i) => ticked.includes(i.memberId));
  const context = useActivityContext(a, selected, () => setTicked([]));
  // What the activity produced: suggestions are read by the staff and leaders.
  const outcomes = useCurrentUser().abilities['activityOutcomes.overview'] === true;

  const info = [
    { label: '活动类型', children: `${a.kindLabel}（${activityCategoryLabels[a.category]}）` },
    { label: '组织方', children: a.organiserName },
    { label: '时间', children: timeRange(a.startsAt, a.endsAt) },
    { label: '地点', children: a.place },
    {
      label: '签到时间',
      children: a.tracksAttendance
        ? `${dateTimeText(a.signInWindow.opensAt)} 至 ${dateTimeText(a.signInWindow.closesAt)}${a.signInWindow.open ? '（签到中）' : ''}`
        : '不考勤',
    },
    { label: '请假截止', children: dateTimeText(a.leaveDeadline) },
    { label: '其他参加单位', children: a.otherParticipants ?? '' },
    {
      label: '其他参加人员',
      children: a.residentCount || a.otherCount ? `群众 ${a.residentCount} 人，其他 ${a.otherCount} 人` : '',
    },
    { label: '定稿时间', children: dateTimeText(a.closedAt) },
  ].filter((item) => item.children);

  return (
    <Flex vertical gap={narrow ? 8 : 16}>
      <Card styles={{ body: narrow ? { padding: 12 } : undefined }}>
        <Flex vertical gap={8}>
          <Space wrap size={4}>
            <ActivityStateTag state={a.state} label={a.stateLabel} />
            <Tag>{a.kindLabel}</Tag>
          </Space>
          <Typography.Title level={narrow ? 5 : 4} style={{ margin: 0 }}>
            {a.topic}
          </Typography.Title>
          <Typography.Text type="secondary">
            {timeRange(a.startsAt, a.endsAt)} · {a.place}
          </Typography.Text>
          {a.mine && <MemberActions activity={a} />}
          {overview && <ActivityActions context={context} />}
        </Flex>
      </Card>

      {a.state === 'cancelled' && a.cancelReason && (
        <Alert type="warning" showIcon title="活动已取消" description={a.cancelReason} />
      )}
      {a.mine && <MyInvitation activity={a} />}

      <Card title="活动信息" size="small">
        <Descriptions
          column={narrow ? 1 : 2}
          size="small"
          bordered={!narrow}
          items={info.map((item) => ({ key: item.label, ...item }))}
        />
        {a.agenda && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              议程
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.agenda}</Typography.Paragraph>
          </>
        )}
        {a.minutes && (
          <>
            <Typography.Title level={5}>会议纪要</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.minutes}</Typography.Paragraph>
          </>
        )}
        {a.attachmentIds.length > 0 && <Attachments ids={a.attachmentIds} files={a.attachments} />}
      </Card>

      {overview && <Summary activity={a} />}
      {overview && <Roster context={context} onSelect={(rows) => setTicked(rows.map((r) => r.memberId))} />}
      <LeaveCard activity={a} />
      <ActivityOutcomeCard context={context} />
      {outcomes && <ActivitySuggestionsCard activity={a} />}
      <ActivitySpeechesCard activity={a} />
      <RecordTimeline
        title="活动记录"
        entries={a.timeline.map((t) => ({ ...t, fromState: null, toState: null, createdAt: t.at }))}
        actionLabel={(t) => t.actionLabel}
        stateLabel={(s) => activityStateLabels[s as ActivityState] ?? s}
        color={(t) => timelineColor(t.action)}
      />
    </Flex>
  );
}

/** The member's own invitation: whether they must attend, their reply, leave, sign-in and result. */
function MyInvitation({ activity: a }: { activity: ActivityDetail }) {
  const mine = a.mine!;
  const items = [
    { label: '是否须出席', children: mine.mandatory ? '须出席' : '自愿参加' },
    { label: '我的回复', children: mine.replyLabel },
    {
      label: '请假',
      children: mine.leaveState ? <LeaveStateTag state={mine.leaveState} label={mine.leaveStateLabel} /> : '',
    },
    { label: '签到', children: mine.signedInAt ? `已签到（${dateTimeText(mine.signedInAt)}）` : '' },
    {
      label: '出席情况',
      children: mine.attendance ? (
        <AttendanceTag result={mine.attendance} label={mine.attendanceLabel} />
      ) : (
        ''
      ),
    },
  ].filter((i) => i.children);
  return (
    <Card title="我的参加情况" size="small">
      <Descriptions column={1} size="small" items={items.map((i) => ({ key: i.label, ...i }))} />
    </Card>
  );
}

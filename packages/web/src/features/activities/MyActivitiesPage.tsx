import { Link } from 'react-router';
import { Alert, Card, Col, Flex, Grid, Row, Segmented, Skeleton, Statistic, Tag, Typography } from 'antd';
import {
  useActivity,
  useActivityList,
  useMyAttendance,
  type ActivityListItem,
  type MyAttendance,
} from '../../api/activities';
import { useListAddress } from '../../components/listAddress';
import { PageCard } from '../../components/PageCard';
import { MemberActions } from './actions/MemberActions';
import { CardList } from './ListFilters';
import { ActivityStateTag, AttendanceTag, LeaveStateTag, signedInText, timeRange } from './common';
import { thisYear } from '../../app/timeZone';

/** `出勤率 90%（出席 9 / 应出席 10 次）`: the rate (a percentage) with what it was taken of. */
export function rateText(m: Pick<MyAttendance, 'rate' | 'mandatory'>): string {
  if (m.rate === null) return '出勤率：暂无须出席的已结束活动';
  // The answer has no count of obliged invitations attended; the rate (0.1 % steps) gives it back exactly.
  const obligedAttended = Math.round((m.rate * m.mandatory) / 100);
  return `出勤率 ${m.rate}%（出席 ${obligedAttended} / 应出席 ${m.mandatory} 次）`;
}

/** 我的活动: the member's invitations, with their year's attendance on top. Made for phones first. */
export default function MyActivitiesPage() {
  const narrow = Grid.useBreakpoint().md === false;
  const { searchParams, update } = useListAddress();
  const page = Number(searchParams.get('page') ?? 1) || 1;
  const pageSize = 10;
  // Open invitations by default (as the home card counts them), soonest first; the others latest first.
  const state = searchParams.get('state') ?? 'published';
  const open = state === 'published';
  const list = useActivityList({
    view: 'mine',
    state: state === 'all' ? undefined : state,
    page,
    pageSize,
    sort: 'startsAt',
    order: open ? 'asc' : 'desc',
  });

  return (
    <Flex vertical gap={narrow ? 8 : 16}>
      <AttendanceCard />
      <PageCard
        title="我的活动"
        compact={narrow}
        extra={
          <Segmented
            aria-label="活动状态"
            value={state}
            onChange={(v) => update({ state: v === 'published' ? undefined : v })}
            options={[
              { value: 'published', label: '待参加' },
              { value: 'closed', label: '已结束' },
              { value: 'all', label: '全部' },
            ]}
          />
        }
      >
        <CardList<ActivityListItem>
          list={list}
          page={page}
          pageSize={pageSize}
          countWord="项"
          emptyText={open ? '暂无待参加的活动' : '暂无活动'}
          onPage={(next) => update({ page: next }, false)}
          card={(a) => <InvitationCard activity={a} />}
        />
      </PageCard>
    </Flex>
  );
}

function AttendanceCard() {
  const year = thisYear();
  const query = useMyAttendance(year);
  const m = query.data;
  return (
    <Card
      size="small"
      title={`${year}年我的出勤`}
      extra={<Typography.Text type="secondary">按已结束的活动</Typography.Text>}
    >
      {query.isError && <Alert type="error" showIcon title={query.error.message} />}
      {query.isPending && <Skeleton active paragraph={{ rows: 1 }} />}
      {m && (
        <>
          <Row gutter={[8, 8]}>
            {[
              { label: '受邀', value: m.invited },
              { label: '出席', value: m.attended },
              { label: '请假', value: m.leave },
              { label: '缺席', value: m.absent },
            ].map((f) => (
              <Col key={f.label} span={6}>
                <Statistic title={f.label} value={f.value} suffix="次" />
              </Col>
            ))}
          </Row>
          <Typography.Paragraph strong style={{ margin: '8px 0 0' }}>
            {rateText(m)}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}

/** One invitation: what, when, where, the member's reply and result, and what they may do now. */
function InvitationCard({ activity: a }: { activity: ActivityListItem }) {
  const mine = a.mine;
  // List rows carry no abilities: an open activity's buttons come from its own record's `policies`.
  const detail = useActivity(a.state === 'published' ? a.id : null);
  return (
    <Card size="small" style={{ width: '100%' }}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" gap={8} align="start">
          <Link to={`/activities/${a.id}`} style={{ flex: 1, minWidth: 0, fontWeight: 600 }}>
            {a.topic}
          </Link>
          <ActivityStateTag state={a.state} label={a.stateLabel} />
        </Flex>
        <Typography.Text type="secondary">
          {a.kindLabel} · {timeRange(a.startsAt, a.endsAt)}
        </Typography.Text>
        <Typography.Text type="secondary">地点：{a.place}</Typography.Text>
        {mine && (
          <Flex gap={4} wrap>
            {!mine.mandatory && <Tag>自愿参加</Tag>}
            {/* Once there is a result, the reply no longer matters. */}
            {!mine.attendance && (
              <Tag color={mine.reply === 'attending' ? 'green' : mine.reply === 'leave' ? 'blue' : 'default'}>
                {mine.replyLabel}
              </Tag>
            )}
            {mine.leaveState && <LeaveStateTag state={mine.leaveState} label={mine.leaveStateLabel} />}
            {mine.signedInAt && <Tag color="green">已签到 {signedInText(mine.signedInAt, a.startsAt)}</Tag>}
            <AttendanceTag result={mine.attendance} label={mine.attendanceLabel} />
          </Flex>
        )}
        {detail.data && <MemberActions activity={detail.data} />}
      </Flex>
    </Card>
  );
}

import { Card, Col, Row, Statistic } from 'antd';
import { attendanceLabels, type AttendanceResult } from '@cppcc/shared';
import type { ActivityDetail } from '../../../api/activities';

/** Invited, replied and signed-in counts and the results as closing would count them now. */
export function Summary({ activity: a }: { activity: ActivityDetail }) {
  const s = a.summary;
  const figures = [
    { key: 'invited', label: '邀请', value: s.invited },
    { key: 'mandatory', label: '须出席', value: s.mandatory },
    { key: 'replied', label: '已回复', value: s.replied },
    ...(a.tracksAttendance ? [{ key: 'signedIn', label: '已签到', value: s.signedIn }] : []),
    ...(Object.keys(attendanceLabels) as AttendanceResult[]).map((r) => ({
      key: r,
      label: attendanceLabels[r],
      value: s.byResult[r] ?? 0,
    })),
  ];
  return (
    <Card title={a.state === 'closed' ? '出席情况' : '出席情况（按目前登记预计）'} size="small">
      <Row gutter={[12, 12]}>
        {figures.map((f) => (
          <Col key={f.key} xs={8} sm={6} md={3}>
            <Statistic title={f.label} value={f.value} suffix="人" />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

import { eq } from 'drizzle-orm';
import { attendanceLabels, attendedResults, type ActivityKind, type AttendanceResult } from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import { activityInvitations } from '../../db/schema';
import { recordDuty, withdrawDuty } from '../../lib/duty';
import type { ActivityRow } from './workflow';

/**
 * The duty records of a closed activity, one per invitee: attending yields the kind's duty
 * (`activity.attended` with the kind, or `service.volunteer`); approved leave `activity.leave`;
 * absence `activity.absent`, only where attendance was obliged. Returns a summary for the timeline.
 */
export async function creditAttendance(db: DbOrTx, activity: ActivityRow, kind: ActivityKind) {
  const rows = await db
    .select({
      memberId: activityInvitations.memberId,
      mandatory: activityInvitations.mandatory,
      attendance: activityInvitations.attendance,
    })
    .from(activityInvitations)
    .where(eq(activityInvitations.activityId, activity.id));
  const counts = new Map<AttendanceResult, number>();
  for (const r of rows) {
    const result = r.attendance as AttendanceResult;
    counts.set(result, (counts.get(result) ?? 0) + 1);
    const dutyKind = attendedResults.includes(result)
      ? kind.yields === 'none'
        ? null
        : kind.yields
      : result === 'leave'
        ? 'activity.leave'
        : r.mandatory
          ? 'activity.absent'
          : null;
    if (!dutyKind) continue;
    await recordDuty(db, {
      committeeId: activity.committeeId,
      memberId: r.memberId,
      kind: dutyKind,
      sourceType: 'activity',
      sourceId: activity.id,
      occurredOn: activity.startsAt,
      detail: { activityKind: kind.code, kindLabel: kind.label, attendance: result, mandatory: r.mandatory },
    });
  }
  return (
    [...counts.entries()].map(([result, n]) => `${attendanceLabels[result]} ${n} 人`).join('，') ||
    '无邀请对象'
  );
}

/** Takes back every duty record of the activity (it was reopened). */
export const withdrawAttendanceCredit = (db: DbOrTx, activity: ActivityRow) =>
  withdrawDuty(db, { committeeId: activity.committeeId, sourceType: 'activity', sourceId: activity.id });

import { and, eq, gt, isNull, lte, ne } from 'drizzle-orm';
import { formatDateTime } from '@cppcc/shared';
import type { Db } from '../../db/client';
import { activities, activityInvitations } from '../../db/schema';
import { notifyMembers } from '../../lib/recipients';
import { getSettings } from '../../lib/settings';

/** How long before the start invitees are reminded. */
export const reminderLeadHours = 24;

/**
 * Reminds the invitees of every published activity starting within the next day, once (a new start
 * time reminds again); those on leave are left alone. Returns how many activities were reminded.
 */
export async function runActivityReminders(db: Db, now = new Date()) {
  const due = await db
    .select()
    .from(activities)
    .where(
      and(
        eq(activities.state, 'published'),
        isNull(activities.remindedAt),
        gt(activities.startsAt, now),
        lte(activities.startsAt, new Date(now.getTime() + reminderLeadHours * 3_600_000)),
      ),
    );
  for (const activity of due) {
    await db.transaction(async (tx) => {
      const settings = await getSettings(tx, activity.committeeId);
      const invitees = await tx
        .select({ memberId: activityInvitations.memberId })
        .from(activityInvitations)
        .where(and(eq(activityInvitations.activityId, activity.id), ne(activityInvitations.reply, 'leave')));
      await notifyMembers(
        tx,
        activity.committeeId,
        invitees.map((i) => i.memberId),
        {
          kind: 'activity.reminder',
          title: '活动提醒',
          body: `${activity.topic}，${formatDateTime(activity.startsAt, settings.timeZone)}，${activity.place}`,
          link: `/activities/${activity.id}`,
        },
      );
      await tx.update(activities).set({ remindedAt: now }).where(eq(activities.id, activity.id));
    });
  }
  return due.length;
}

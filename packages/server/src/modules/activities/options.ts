import { asc, eq } from 'drizzle-orm';
import type { ActivityFormOptions } from '@cppcc/shared';
import { contactPoints, memberGroups, specialCommittees } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { authorize, can, collectionOf } from '../../lib/policy';
import { getSettings } from '../../lib/settings';

/** What the activity form offers: the committee's kinds and organisers, and its leave rules. */
export async function activityFormOptions(ctx: ServiceContext): Promise<ActivityFormOptions> {
  const { actor, db } = ctx;
  // Staff and leaders fill in and filter by them; members read kind names on their invitations.
  if (!can(actor, 'attend', 'activities', collectionOf(actor)))
    authorize(actor, 'overview', 'activities', collectionOf(actor));
  const settings = await getSettings(db, actor.committeeId);
  const named = async (table: typeof specialCommittees | typeof memberGroups | typeof contactPoints) =>
    db
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(eq(table.committeeId, actor.committeeId))
      .orderBy(asc(table.id));
  return {
    kinds: settings.activityKinds.map(({ code, label, category, tracksAttendance, defaultInvitees }) => ({
      code,
      label,
      category,
      tracksAttendance,
      defaultInvitees,
    })),
    organisers: [
      { type: 'committee', id: null, name: '政协机关' },
      ...(await named(specialCommittees)).map((o) => ({ type: 'specialCommittee' as const, ...o })),
      ...(await named(memberGroups)).map((o) => ({ type: 'memberGroup' as const, ...o })),
      ...(await named(contactPoints)).map((o) => ({ type: 'contactPoint' as const, ...o })),
    ],
    leaveNoticeHours: settings.leaveNoticeHours,
    maxLeaveRequestsPerMeeting: settings.maxLeaveRequestsPerMeeting,
  };
}

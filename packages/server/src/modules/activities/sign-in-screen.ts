import type { SignInCodeDto } from '@cppcc/shared';
import type { ServiceContext } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { authorize } from '../../lib/policy';
import { getSettings } from '../../lib/settings';
import { activityAccess, findActivity } from './workflow';
import { currentSignInCode, signInWindow } from './rules';
import { count, eq } from 'drizzle-orm';
import { activityInvitations } from '../../db/schema';

/** The projector's view: the code of this moment, when it changes, and how many have signed in. */
export async function signInCodeOf(ctx: ServiceContext, id: number): Promise<SignInCodeDto> {
  const row = await findActivity(ctx.db, ctx.actor.committeeId, id);
  if (!row) throw notFound('活动');
  authorize(ctx.actor, 'showCode', 'activity', await activityAccess(ctx.db, row));
  const settings = await getSettings(ctx.db, row.committeeId);
  const now = new Date();
  const window = signInWindow(row, settings, now);
  const { code, expiresAt } = currentSignInCode(row, now);
  const [counts] = await ctx.db
    .select({ invited: count(), signedIn: count(activityInvitations.signedInAt) })
    .from(activityInvitations)
    .where(eq(activityInvitations.activityId, row.id));
  return {
    code,
    expiresAt: expiresAt.toISOString(),
    windowOpensAt: window.opensAt.toISOString(),
    windowClosesAt: window.closesAt.toISOString(),
    open: window.open && row.state === 'published',
    signedIn: counts?.signedIn ?? 0,
    invited: counts?.invited ?? 0,
  };
}

import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { opinions, users } from '../../db/schema';
import type { StoredEvent } from '../../lib/events';
import { notifyUsers } from '../../lib/notify';
import { getSettings } from '../../lib/settings';
import { appendTimeline } from '../../lib/timeline';

/**
 * A proposal rejected with the disposition 转社情民意 arrives as an opinion draft for its proposer,
 * linked to the proposal; the proposer revises it to the opinion rules and reports it.
 */
export async function draftFromRejectedProposal(
  tx: DbOrTx,
  event: StoredEvent<'proposal.convertedToOpinion'>,
) {
  const p = event.payload;
  const [user] = await tx
    .select()
    .from(users)
    .where(and(eq(users.committeeId, p.committeeId), eq(users.memberId, p.memberId)));
  // A member without an account has nowhere to find the draft; the event stays on record.
  if (!user) return;
  const settings = await getSettings(tx, p.committeeId);
  const category = settings.opinionCategories.includes('其他') ? '其他' : settings.opinionCategories[0]!;
  const [draft] = await tx
    .insert(opinions)
    .values({
      committeeId: p.committeeId,
      title: p.title,
      category,
      content: p.content,
      submitterType: 'member',
      submittedBy: user.id,
      leadMemberId: p.memberId,
      sourceProposalId: p.proposalId,
    })
    .returning();
  await appendTimeline(
    tx,
    {
      userId: user.id,
      committeeId: p.committeeId,
      displayName: '系统',
      roles: ['member'],
      memberId: p.memberId,
      staffId: null,
      unitId: null,
      ip: null,
    },
    {
      recordType: 'opinion',
      recordId: draft!.id,
      action: 'create',
      toState: 'draft',
      note: `由不予立案的提案转来：${p.reason}`,
    },
  );
  await notifyUsers(tx, p.committeeId, [user.id], {
    kind: 'opinion.fromProposal',
    title: `您的提案已转为社情民意信息草稿，请修改后报送：${p.title}`,
    link: `/opinions/${draft!.id}`,
  });
}

import { eq } from 'drizzle-orm';
import type { CreateProposalInput } from '@cppcc/shared';
import { organisationProposers, proposalProposers, proposals } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { writeAudit } from '../../../lib/audit';
import { forbidden, invalidField } from '../../../lib/errors';
import { authorize, collectionOf } from '../../../lib/policy';
import { getSettings } from '../../../lib/settings';
import { appendTimeline } from '../../../lib/timeline';
import {
  bindAttachments,
  checkMembers,
  checkUnits,
  organisationOutOfPlenary,
  resolveSession,
} from '../helpers';
import { checkProposalText } from './update-proposal';
import { columnsEqual } from '../../../lib/where';

/** A member writes a new proposal: it starts as a draft; co-proposers are listed but not yet invited. */
export async function createProposal(ctx: ServiceContext, input: CreateProposalInput) {
  authorize(ctx.actor, 'create', 'proposals', collectionOf(ctx.actor));
  const memberId = ctx.actor.memberId!;
  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    const settings = await getSettings(tx, ctx.actor.committeeId);
    checkProposalText(settings, input);
    const session = await resolveSession(tx, ctx.actor.committeeId, input.sessionId, now);
    await checkUnits(tx, ctx.actor.committeeId, input.suggestedUnitIds, 'body.suggestedUnitIds');
    const coIds = [...new Set(input.coProposerMemberIds)].filter((id) => id !== memberId);
    await checkMembers(tx, ctx.actor.committeeId, coIds, 'body.coProposerMemberIds');
    let proposerType: 'member' | 'organisation' = 'member';
    if (input.organisationProposerId) {
      const [org] = await tx
        .select()
        .from(organisationProposers)
        .where(
          columnsEqual(organisationProposers, {
            id: input.organisationProposerId,
            committeeId: ctx.actor.committeeId,
          }),
        );
      if (!org) throw invalidField('body.organisationProposerId', '提案单位不存在');
      if (org.convenerMemberId !== memberId) throw forbidden(`只有“${org.name}”的召集人可以以其名义提出提案`);
      const outOfPlenary = organisationOutOfPlenary(org, session, now);
      if (outOfPlenary) throw invalidField('body.organisationProposerId', outOfPlenary);
      if (coIds.length > 0)
        throw invalidField(
          'body.coProposerMemberIds',
          '以党派团体、专委会、界别或小组名义提出的提案不征集联名',
        );
      proposerType = 'organisation';
    }
    const [row] = await tx
      .insert(proposals)
      .values({
        committeeId: ctx.actor.committeeId,
        sessionId: session.id,
        title: input.title,
        category: input.category,
        content: input.content,
        proposerType,
        organisationProposerId: input.organisationProposerId ?? null,
        leadMemberId: memberId,
        createdBy: ctx.actor.userId,
        suggestedUnitIds: [...new Set(input.suggestedUnitIds)],
      })
      .returning();
    const proposal = row!;
    await tx.insert(proposalProposers).values([
      {
        committeeId: proposal.committeeId,
        proposalId: proposal.id,
        memberId,
        role: 'lead',
        status: 'confirmed',
        sortOrder: 0,
      },
      ...coIds.map((id, i) => ({
        committeeId: proposal.committeeId,
        proposalId: proposal.id,
        memberId: id,
        role: 'co',
        status: 'invited',
        sortOrder: i + 1,
      })),
    ]);
    const attachmentIds = await bindAttachments(
      tx,
      ctx.actor,
      input.attachmentIds,
      { type: 'proposal', id: proposal.id },
      'body.attachmentIds',
    );
    if (attachmentIds.length > 0) {
      await tx.update(proposals).set({ attachmentIds }).where(eq(proposals.id, proposal.id));
    }
    await appendTimeline(tx, ctx.actor, {
      recordType: 'proposal',
      recordId: proposal.id,
      action: 'create',
      toState: 'draft',
    });
    await writeAudit(tx, ctx.actor, {
      action: 'proposal.create',
      targetType: 'proposal',
      targetId: proposal.id,
      summary: `起草提案：${proposal.title}`,
    });
    return { ...proposal, attachmentIds };
  });
}

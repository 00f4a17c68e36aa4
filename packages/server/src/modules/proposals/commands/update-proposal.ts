import { and, eq, inArray, ne } from 'drizzle-orm';
import type { CommitteeSettings, UpdateProposalInput } from '@cppcc/shared';
import { proposalProposers } from '../../../db/schema';
import { diffFields } from '../../../lib/audit';
import { invalidField } from '../../../lib/errors';
import { bindAttachments, checkMembers, checkUnits } from '../helpers';
import { proposalCommand } from '../workflow';

/** The committee's own limits on top of the schema: category list and content length. */
export function checkProposalText(
  settings: CommitteeSettings,
  input: { category?: string; content?: string },
) {
  if (input.category !== undefined && !settings.proposalCategories.includes(input.category)) {
    throw invalidField('body.category', `类别应为：${settings.proposalCategories.join('、')}`);
  }
  if (input.content !== undefined && input.content.length > settings.proposalContentLimit) {
    throw invalidField(
      'body.content',
      `提案内容不超过 ${settings.proposalContentLimit} 个字（当前 ${input.content.length} 个字）`,
    );
  }
}

/** The lead proposer edits a draft or a proposal returned for revision. */
export const updateProposal = proposalCommand(
  'update',
  async ({ tx, ctx, proposal, settings }, input: UpdateProposalInput) => {
    checkProposalText(settings, input);
    const patch: Record<string, unknown> = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.category !== undefined) patch.category = input.category;
    if (input.content !== undefined) patch.content = input.content;
    if (input.suggestedUnitIds !== undefined) {
      await checkUnits(tx, proposal.committeeId, input.suggestedUnitIds, 'body.suggestedUnitIds');
      patch.suggestedUnitIds = [...new Set(input.suggestedUnitIds)];
    }
    if (input.attachmentIds !== undefined) {
      patch.attachmentIds = await bindAttachments(
        tx,
        ctx.actor,
        input.attachmentIds,
        { type: 'proposal', id: proposal.id },
        'body.attachmentIds',
      );
    }
    if (input.coProposerMemberIds !== undefined) {
      // Invitations go out only from a draft (requestCosign); a returned proposal keeps its signatories.
      if (proposal.state !== 'draft') {
        throw invalidField('body.coProposerMemberIds', '退回修改的提案不能更改联名提案人');
      }
      if (proposal.proposerType === 'organisation' && input.coProposerMemberIds.length > 0) {
        throw invalidField(
          'body.coProposerMemberIds',
          '以党派团体、专委会、界别或小组名义提出的提案不征集联名',
        );
      }
      const wanted = [...new Set(input.coProposerMemberIds)].filter((id) => id !== proposal.leadMemberId);
      await checkMembers(tx, proposal.committeeId, wanted, 'body.coProposerMemberIds');
      // Names dropped from the list leave; new names wait for the invitation (requestCosign).
      const current = await tx
        .select()
        .from(proposalProposers)
        .where(and(eq(proposalProposers.proposalId, proposal.id), ne(proposalProposers.role, 'lead')));
      const drop = current.filter((c) => !wanted.includes(c.memberId)).map((c) => c.id);
      if (drop.length > 0) await tx.delete(proposalProposers).where(inArray(proposalProposers.id, drop));
      const add = wanted.filter((id) => !current.some((c) => c.memberId === id));
      if (add.length > 0) {
        await tx.insert(proposalProposers).values(
          add.map((memberId, i) => ({
            committeeId: proposal.committeeId,
            proposalId: proposal.id,
            memberId,
            role: 'co',
            status: 'invited',
            sortOrder: current.length + i + 1,
          })),
        );
      }
      patch.coProposerMemberIds = wanted;
    }
    const { coProposerMemberIds, ...columns } = patch;
    return {
      patch: columns,
      changes: {
        ...diffFields(proposal as unknown as Record<string, unknown>, columns),
        coProposerMemberIds,
      },
    };
  },
);

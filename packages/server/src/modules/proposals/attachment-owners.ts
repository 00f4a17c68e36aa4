import { and, eq } from 'drizzle-orm';
import { proposalAnswers, proposalUnitOpinions, proposals } from '../../db/schema';
import { can } from '../../lib/policy';
import { registerAttachmentOwner } from '../../lib/storage';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { accessOf } from './access';

export type ProposalAttachmentOwner = 'proposal' | 'proposalAnswer' | 'proposalUnitOpinion';

async function readableProposal(db: DbOrTx, actor: Actor, proposalId: number) {
  const [row] = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, proposalId), eq(proposals.committeeId, actor.committeeId)));
  if (!row) return null;
  const access = await accessOf(db, row);
  return can(actor, 'read', 'proposal', access) ? access : null;
}

// Files follow the visibility of what they are attached to (see presenter.ts).
registerAttachmentOwner(
  'proposal',
  async (actor, id, db) => (await readableProposal(db, actor, id)) !== null,
);

registerAttachmentOwner('proposalAnswer', async (actor, id, db) => {
  const [answer] = await db.select().from(proposalAnswers).where(eq(proposalAnswers.id, id));
  if (!answer) return false;
  const access = await readableProposal(db, actor, answer.proposalId);
  if (!access) return false;
  return can(actor, 'read', 'proposalAnswer', {
    committeeId: access.committeeId,
    unitId: answer.unitId,
    sent: answer.sentAt !== null,
    approved: answer.state === 'approved',
  });
});

registerAttachmentOwner('proposalUnitOpinion', async (actor, id, db) => {
  const [opinion] = await db.select().from(proposalUnitOpinions).where(eq(proposalUnitOpinions.id, id));
  if (!opinion) return false;
  const access = await readableProposal(db, actor, opinion.proposalId);
  if (!access) return false;
  return can(actor, 'read', 'proposalUnitOpinion', {
    committeeId: access.committeeId,
    fromUnitId: opinion.fromUnitId,
    toUnitId: opinion.toUnitId,
  });
});

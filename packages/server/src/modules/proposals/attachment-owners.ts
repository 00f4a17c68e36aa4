import { and, eq } from 'drizzle-orm';
import { proposalAnswers, proposalUnitOpinions, proposals } from '../../db/schema';
import { can } from '../../lib/policy';
import type { OwnerReadCheck } from '../../lib/storage';
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
const readProposalFile: OwnerReadCheck = async (actor, id, db) =>
  (await readableProposal(db, actor, id)) !== null;

/** A file of a record under a proposal: the proposal must be readable, then the record's own rule decides. */
const readChildFile =
  <R extends { proposalId: number }>(
    load: (db: DbOrTx, id: number) => Promise<R[]>,
    allows: (actor: Actor, row: R, committeeId: number) => boolean,
  ): OwnerReadCheck =>
  async (actor, id, db) => {
    const [row] = await load(db, id);
    if (!row) return false;
    const access = await readableProposal(db, actor, row.proposalId);
    return access !== null && allows(actor, row, access.committeeId);
  };

const readAnswerFile = readChildFile(
  (db, id) => db.select().from(proposalAnswers).where(eq(proposalAnswers.id, id)),
  (actor, answer, committeeId) =>
    can(actor, 'read', 'proposalAnswer', {
      committeeId,
      unitId: answer.unitId,
      sent: answer.sentAt !== null,
      approved: answer.state === 'approved',
    }),
);

const readUnitOpinionFile = readChildFile(
  (db, id) => db.select().from(proposalUnitOpinions).where(eq(proposalUnitOpinions.id, id)),
  (actor, opinion, committeeId) =>
    can(actor, 'read', 'proposalUnitOpinion', {
      committeeId,
      fromUnitId: opinion.fromUnitId,
      toUnitId: opinion.toUnitId,
    }),
);

export const proposalAttachmentOwners: Record<ProposalAttachmentOwner, OwnerReadCheck> = {
  proposal: readProposalFile,
  proposalAnswer: readAnswerFile,
  proposalUnitOpinion: readUnitOpinionFile,
};

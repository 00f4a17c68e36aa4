import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { opinionForwardings, opinionInstructions, opinions } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { can } from '../../lib/policy';
import type { OwnerReadCheck } from '../../lib/storage';
import { accessOf } from './access';

// Files follow the visibility of what they are attached to.
async function readableOpinion(db: DbOrTx, actor: Actor, opinionId: number) {
  const [row] = await db
    .select()
    .from(opinions)
    .where(and(eq(opinions.id, opinionId), eq(opinions.committeeId, actor.committeeId)));
  return row !== undefined && can(actor, 'read', 'opinion', await accessOf(db, row));
}

const readOpinionFile: OwnerReadCheck = (actor, id, db) => readableOpinion(db, actor, id);

const readInstructionFile: OwnerReadCheck = async (actor, id, db) => {
  const [row] = await db.select().from(opinionInstructions).where(eq(opinionInstructions.id, id));
  return row !== undefined && (await readableOpinion(db, actor, row.opinionId));
};

const readForwardingFile: OwnerReadCheck = async (actor, id, db) => {
  const [row] = await db.select().from(opinionForwardings).where(eq(opinionForwardings.id, id));
  return (
    row !== undefined &&
    row.committeeId === actor.committeeId &&
    can(actor, 'read', 'opinionForwarding', {
      committeeId: row.committeeId,
      unitId: row.unitId,
      channel: row.channel as 'hotline',
    })
  );
};

export const opinionAttachmentOwners = {
  opinion: readOpinionFile,
  opinionInstruction: readInstructionFile,
  opinionForwarding: readForwardingFile,
};

import { and, eq, isNull } from 'drizzle-orm';
import type { OpinionLevel } from '@cppcc/shared';
import { opinionInstructions } from '../../../db/schema';
import { conflict, forbidden, invalidField } from '../../../lib/errors';
import { can } from '../../../lib/policy';
import { bindAttachments, checkUnits } from '../../../lib/references';
import { notifyUnits } from '../../../lib/recipients';
import { recordLedgerEvent } from '../ledger';
import { opinionCommand } from '../workflow';

export interface InstructionInput {
  leaderName: string;
  leaderPost: string;
  level: OpinionLevel;
  text: string;
  instructedOn: string;
  attachmentIds: number[];
  unitId?: number | null;
}

/**
 * 领导批示: who, at which level, what, when, with the scanned page; tracked until what was done is
 * reported. The instruction is a ledger event at its level for this article and every one below it.
 */
export const recordInstruction = opinionCommand(
  'recordInstruction',
  async ({ tx, ctx, record }, input: InstructionInput) => {
    if (input.unitId) await checkUnits(tx, record.committeeId, [input.unitId], 'body.unitId');
    const [row] = await tx
      .insert(opinionInstructions)
      .values({
        committeeId: record.committeeId,
        opinionId: record.id,
        leaderName: input.leaderName,
        leaderPost: input.leaderPost,
        level: input.level,
        text: input.text,
        instructedOn: input.instructedOn,
        unitId: input.unitId ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    const attachmentIds = await bindAttachments(
      tx,
      ctx.actor,
      input.attachmentIds,
      { type: 'opinionInstruction', id: row!.id },
      'body.attachmentIds',
    );
    if (attachmentIds.length > 0)
      await tx.update(opinionInstructions).set({ attachmentIds }).where(eq(opinionInstructions.id, row!.id));
    await recordLedgerEvent(tx, record, {
      event: 'instructed',
      level: input.level,
      atCommitteeId: input.level === 'national' ? null : record.committeeId,
      note: `${input.leaderPost}${input.leaderName}：${input.text}`,
      occurredAt: new Date(`${input.instructedOn}T12:00:00Z`),
    });
    if (input.unitId)
      await notifyUnits(tx, record.committeeId, [input.unitId], {
        kind: 'opinion.instructed',
        title: `${input.leaderPost}${input.leaderName}对社情民意信息作出批示，请登记落实情况：${record.editedTitle ?? record.title}`,
        link: `/opinions/${record.id}`,
      });
    return { note: `${input.leaderPost}${input.leaderName}批示` };
  },
);

/** What was done on an instruction, reported by its department or entered by staff; then it is no longer pending. */
export const reportInstructionDone = opinionCommand(
  'reportInstructionDone',
  async ({ tx, ctx, record, access, now }, input: { instructionId: number; result: string }) => {
    const [row] = await tx
      .select()
      .from(opinionInstructions)
      .where(
        and(eq(opinionInstructions.id, input.instructionId), eq(opinionInstructions.opinionId, record.id)),
      );
    if (!row) throw invalidField('body.instructionId', '该信息没有这条批示');
    // A department reports on the instructions given to it, not on another department's.
    if (!can(ctx.actor, 'edit', 'opinion', access) && row.unitId !== ctx.actor.unitId)
      throw forbidden('这条批示不是交给本单位落实的');
    const [updated] = await tx
      .update(opinionInstructions)
      .set({ result: input.result, doneAt: now })
      .where(and(eq(opinionInstructions.id, row.id), isNull(opinionInstructions.doneAt)))
      .returning({ id: opinionInstructions.id });
    if (!updated) throw conflict('这条批示的落实情况已登记');
    return { note: `${row.leaderName}批示落实情况：${input.result}` };
  },
);

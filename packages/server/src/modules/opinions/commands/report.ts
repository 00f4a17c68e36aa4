import { and, eq } from 'drizzle-orm';
import type { OpinionLevel } from '@cppcc/shared';
import { committees, opinionLedger, opinions } from '../../../db/schema';
import { conflict, invalidField } from '../../../lib/errors';
import { notifyRoles } from '../../../lib/recipients';
import { appendTimeline } from '../../../lib/timeline';
import { writeAudit } from '../../../lib/audit';
import { recordLedgerEvent } from '../ledger';
import { opinionCommand } from '../workflow';

/**
 * 向上级报送: to the parent committee the report becomes a record of the parent, created in this
 * transaction and linked to its source (tenancy stays strict: the parent reaches the child's
 * article only through that link); to 全国政协 it is recorded as an external recipient. A second
 * report of the same article to the same level is refused.
 */
export const reportOpinion = opinionCommand(
  'report',
  async ({ tx, ctx, record, now }, input: { target: 'parent' | 'national'; note?: string }) => {
    const [own] = await tx.select().from(committees).where(eq(committees.id, record.committeeId));
    let parentLevel: OpinionLevel | null = input.target === 'national' ? 'national' : null;
    if (input.target === 'parent') {
      if (!own!.parentId) throw invalidField('body.target', '本级政协没有上级政协，可报送全国政协');
      const [parent] = await tx.select().from(committees).where(eq(committees.id, own!.parentId));
      parentLevel = parent!.level;
    }
    const [already] = await tx
      .select({ id: opinionLedger.id })
      .from(opinionLedger)
      .where(
        and(
          eq(opinionLedger.opinionId, record.id),
          eq(opinionLedger.level, parentLevel!),
          eq(opinionLedger.event, 'reported'),
        ),
      );
    if (already) throw conflict('该信息已报送过这一级政协，不能重复报送');
    const title = record.editedTitle ?? record.title;
    if (input.target === 'parent') {
      const parentId = own!.parentId!;
      const [created] = await tx
        .insert(opinions)
        .values({
          committeeId: parentId,
          title,
          category: record.category,
          content: record.editedContent ?? record.content,
          state: 'submitted',
          submitterType: 'report',
          submittedBy: ctx.actor.userId,
          sourceOpinionId: record.id,
          sourceCommitteeId: record.committeeId,
          submittedAt: now,
        })
        .returning();
      // The parent's own history of its record, written as the parent would see it arrive.
      await appendTimeline(
        tx,
        { ...ctx.actor, committeeId: parentId },
        {
          recordType: 'opinion',
          recordId: created!.id,
          action: 'report',
          toState: 'submitted',
          note: `${own!.name}报送`,
        },
      );
      await writeAudit(
        tx,
        { ...ctx.actor, committeeId: parentId },
        {
          action: 'opinion.received',
          targetType: 'opinion',
          targetId: created!.id,
          summary: `收到${own!.name}报送的社情民意信息：${title}`,
        },
      );
      await notifyRoles(tx, parentId, ['opinionStaff'], {
        kind: 'opinion.reported',
        title: `${own!.name}报送社情民意信息：${title}`,
        link: `/opinions/${created!.id}`,
      });
    }
    await recordLedgerEvent(tx, record, {
      event: 'reported',
      level: parentLevel!,
      atCommitteeId: input.target === 'parent' ? own!.parentId : null,
      note: input.note || null,
      occurredAt: now,
    });
    return { note: input.target === 'national' ? '报送全国政协' : '报送上级政协' };
  },
);

/** What 全国政协 did with an article reported to it, entered by hand: adoption at national level. */
export const recordExternalOutcome = opinionCommand(
  'recordExternalOutcome',
  async ({ tx, record }, input: { occurredOn: string; note?: string }) => {
    const [reported] = await tx
      .select({ id: opinionLedger.id })
      .from(opinionLedger)
      .where(
        and(
          eq(opinionLedger.opinionId, record.id),
          eq(opinionLedger.level, 'national'),
          eq(opinionLedger.event, 'reported'),
        ),
      );
    if (!reported) throw conflict('该信息尚未报送全国政协');
    await recordLedgerEvent(tx, record, {
      event: 'adopted',
      level: 'national',
      atCommitteeId: null,
      note: input.note || null,
      occurredAt: new Date(`${input.occurredOn}T12:00:00Z`),
    });
    return { note: `全国政协采用（${input.occurredOn}）` };
  },
);

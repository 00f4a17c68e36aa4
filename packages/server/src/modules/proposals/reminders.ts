import { and, eq, inArray, lt, lte, notExists, sql, type SQL } from 'drizzle-orm';
import { formatDay, formatProposalNumber } from '@cppcc/shared';
import type { Db, DbOrTx } from '../../db/client';
import {
  notifications,
  proposalProposers,
  proposalUnitOpinions,
  proposalUnits,
  proposals,
  units,
} from '../../db/schema';
import { getSettings } from '../../lib/settings';
import { columnsEqual } from '../../lib/where';
import { addDays } from './helpers';
import { notifyStaff, notifyUnits, link } from './recipients';

const weekMs = 7 * 86_400_000;
const handling = ['assigned', 'rehandling'];

/** Unit slots still to answer on proposals being handled, with their proposal, that meet the conditions. */
const openSlots = (tx: DbOrTx, ...conditions: SQL[]) =>
  tx
    .select({ slot: proposalUnits, proposal: proposals })
    .from(proposalUnits)
    .innerJoin(proposals, eq(proposals.id, proposalUnits.proposalId))
    .where(
      and(
        eq(proposalUnits.active, true),
        inArray(proposalUnits.status, ['assigned', 'acknowledged']),
        inArray(proposals.state, handling),
        ...conditions,
      ),
    );

/** No notice of this kind has been sent about the slot yet (reminders go out once per slot). */
const notNotified = (kind: string) =>
  sql`not exists (select 1 from ${notifications} where ${notifications.kind} = ${kind} and (${notifications.data}->>'slotId')::int = ${proposalUnits.id})`;

/**
 * Deadline-driven reminders, idempotent per slot: units a week before the deadline and again when
 * overdue (staff too); co-units before their opinion is due; staff about a co-unit that has not signed
 * by the end of the signing window; unanswered co-proposer invitations expire. Called on an interval and by tests.
 */
export async function runProposalReminders(db: Db, now = new Date()) {
  return db.transaction(async (tx) => {
    // Each committee's settings once per run: its deadlines are written in its own time zone.
    const loaded = new Map<number, Awaited<ReturnType<typeof getSettings>>>();
    const settingsOf = async (committeeId: number) => {
      if (!loaded.has(committeeId)) loaded.set(committeeId, await getSettings(tx, committeeId));
      return loaded.get(committeeId)!;
    };
    const due = await openSlots(
      tx,
      lte(proposalUnits.deadline, new Date(now.getTime() + weekMs)),
      sql`(${proposalUnits.remindedAt} is null or (${proposalUnits.deadline} < ${now} and ${proposalUnits.overdueNotifiedAt} is null))`,
    ).for('update', { of: proposalUnits });
    let reminded = 0;
    let overdue = 0;
    for (const { slot, proposal } of due) {
      const label = `${formatProposalNumber(proposal.number)}“${proposal.title}”`;
      if (slot.deadline < now) {
        await notifyUnits(tx, proposal.committeeId, [slot.unitId], {
          kind: 'proposal.overdue',
          title: `提案办理已超期：${label}`,
          link: link(proposal.id),
        });
        await notifyStaff(tx, proposal.committeeId, {
          kind: 'proposal.overdue',
          title: `提案办理超期：${label}`,
          link: link(proposal.id),
        });
        await tx
          .update(proposalUnits)
          .set({ overdueNotifiedAt: now, remindedAt: slot.remindedAt ?? now })
          .where(eq(proposalUnits.id, slot.id));
        overdue++;
      } else if (!slot.remindedAt && slot.deadline > now) {
        await notifyUnits(tx, proposal.committeeId, [slot.unitId], {
          kind: 'proposal.deadlineSoon',
          title: `提案办理期限将至（${formatDay(slot.deadline, (await settingsOf(proposal.committeeId)).timeZone)}）：${label}`,
          link: link(proposal.id),
        });
        await tx.update(proposalUnits).set({ remindedAt: now }).where(eq(proposalUnits.id, slot.id));
        reminded++;
      }
    }
    // Co-units owe the lead unit their opinion within the configured days (default 30); remind once, 3 days ahead.
    const coSlots = await openSlots(
      tx,
      eq(proposalUnits.role, 'co'),
      notExists(
        tx
          .select({ one: sql`1` })
          .from(proposalUnitOpinions)
          .where(
            columnsEqual(proposalUnitOpinions, {
              proposalId: proposalUnits.proposalId,
              fromUnitId: proposalUnits.unitId,
            }),
          ),
      ),
      notNotified('proposal.coOpinionDue'),
    );
    let coOpinionReminded = 0;
    for (const { slot, proposal } of coSlots) {
      const settings = await settingsOf(proposal.committeeId);
      const due = addDays(slot.assignedAt, settings.coUnitOpinionDays);
      if (now < addDays(due, -3)) continue;
      await notifyUnits(tx, proposal.committeeId, [slot.unitId], {
        kind: 'proposal.coOpinionDue',
        title: `请向主办单位报送协办意见（${formatDay(due, settings.timeZone)} 前）：${formatProposalNumber(proposal.number)}“${proposal.title}”`,
        link: link(proposal.id),
        data: { slotId: slot.id },
      });
      coOpinionReminded++;
    }
    // A co-unit that has not signed by the end of the signing window is the staff's to settle: tell them once.
    const unsigned = await openSlots(
      tx,
      eq(proposalUnits.role, 'co'),
      eq(proposalUnits.status, 'assigned'),
      notNotified('proposal.coUnitUnsigned'),
    );
    let coUnitsEscalated = 0;
    for (const { slot, proposal } of unsigned) {
      const settings = await settingsOf(proposal.committeeId);
      if (now < addDays(slot.assignedAt, settings.acknowledgeWindowDays)) continue;
      const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, slot.unitId));
      await notifyStaff(tx, proposal.committeeId, {
        kind: 'proposal.coUnitUnsigned',
        title: `协办单位逾期未签收（${unit?.name ?? ''}）：${formatProposalNumber(proposal.number)}“${proposal.title}”`,
        link: link(proposal.id),
        data: { slotId: slot.id },
      });
      coUnitsEscalated++;
    }
    const expired = await tx
      .update(proposalProposers)
      .set({ status: 'expired' })
      .where(and(eq(proposalProposers.status, 'invited'), lt(proposalProposers.deadline, now)))
      .returning({ id: proposalProposers.id });
    return { reminded, overdue, coOpinionReminded, coUnitsEscalated, expiredInvitations: expired.length };
  });
}

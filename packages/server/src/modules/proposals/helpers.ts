import { and, count, desc, eq, isNotNull, lte, gte, sql } from 'drizzle-orm';
import type { DutyKind } from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import { plenarySessions, proposals } from '../../db/schema';
import { recordDuty, withdrawDuty } from '../../lib/duty';
import { invalidField, notFound } from '../../lib/errors';
import type { ProposalAccess } from '../../policies/proposal';
import type { ProposalRow } from './access';

export { allowedAttachmentTypes, bindAttachments, checkMembers, checkUnits } from '../../lib/references';

/** Today's date in China (UTC+8), as YYYY-MM-DD, for comparing with session windows. */
export const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The session a new proposal belongs to: the one given, else the one whose window is open, else the latest. */
export async function resolveSession(
  db: DbOrTx,
  committeeId: number,
  sessionId: number | undefined,
  now: Date,
) {
  if (sessionId !== undefined) {
    const [row] = await db
      .select()
      .from(plenarySessions)
      .where(and(eq(plenarySessions.id, sessionId), eq(plenarySessions.committeeId, committeeId)));
    if (!row) throw invalidField('body.sessionId', '会议不存在');
    return row;
  }
  const today = chinaDate(now);
  const [open] = await db
    .select()
    .from(plenarySessions)
    .where(
      and(
        eq(plenarySessions.committeeId, committeeId),
        lte(plenarySessions.submissionOpens, today),
        gte(plenarySessions.submissionCloses, today),
      ),
    )
    .limit(1);
  if (open) return open;
  const [latest] = await db
    .select()
    .from(plenarySessions)
    .where(eq(plenarySessions.committeeId, committeeId))
    .orderBy(desc(plenarySessions.meetingStart))
    .limit(1);
  if (!latest) throw invalidField('body.sessionId', '尚未设置会议（届次），请联系提案委工作人员');
  return latest;
}

/**
 * 界别 and 委员活动小组 file in their own name only during the plenary (its opening to the later of its
 * close and the submission deadline); returns why not, or null when they may.
 */
export function organisationOutOfPlenary(
  org: { name: string; kind: string },
  session: typeof plenarySessions.$inferSelect,
  now: Date,
): string | null {
  if (org.kind !== 'sector' && org.kind !== 'memberGroup') return null;
  const today = chinaDate(now);
  const lastDay =
    session.meetingEnd > session.submissionCloses ? session.meetingEnd : session.submissionCloses;
  if (today >= session.meetingStart && today <= lastDay) return null;
  return `界别、委员活动小组只能在大会期间（${session.meetingStart}至${lastDay}）以“${org.name}”名义提出提案`;
}

/** 大会提案 when filed inside the session's submission window, else 平时提案. */
export async function kindAt(db: DbOrTx, sessionId: number, now: Date) {
  const [s] = await db.select().from(plenarySessions).where(eq(plenarySessions.id, sessionId));
  if (!s) throw notFound('会议');
  const today = chinaDate(now);
  return today >= s.submissionOpens && today <= s.submissionCloses ? 'session' : 'regular';
}

/** Next number of the session, taken under a lock of the session row so parallel accepts never collide. */
export async function nextNumber(db: DbOrTx, sessionId: number) {
  await db
    .select({ id: plenarySessions.id })
    .from(plenarySessions)
    .where(eq(plenarySessions.id, sessionId))
    .for('update');
  const [row] = await db
    .select({ max: sql<number | null>`max(${proposals.number})` })
    .from(proposals)
    .where(eq(proposals.sessionId, sessionId));
  return (row?.max ?? 0) + 1;
}

/** Accepted proposals of a session (those with a number), for the excellent-proposal cap. */
export async function acceptedCount(db: DbOrTx, sessionId: number) {
  const [row] = await db
    .select({ n: count() })
    .from(proposals)
    .where(and(eq(proposals.sessionId, sessionId), isNotNull(proposals.number)));
  return row?.n ?? 0;
}

/** Duty facts for everyone counted as a proposer: the lead as `lead`, others as `co`. Organisation proposals count for nobody. */
export async function recordProposerDuty(
  db: DbOrTx,
  proposal: ProposalRow,
  access: ProposalAccess,
  kind: DutyKind,
  now: Date,
) {
  if (proposal.proposerType === 'organisation') return;
  for (const memberId of access.proposerMemberIds) {
    await recordDuty(db, {
      committeeId: proposal.committeeId,
      memberId,
      kind,
      sourceType: 'proposal',
      sourceId: proposal.id,
      role: memberId === proposal.leadMemberId ? 'lead' : 'co',
      occurredOn: now,
    });
  }
}

/** Withdraws the proposers' duty facts of one kind when the step that earned them is reversed. */
export function withdrawProposerDuty(db: DbOrTx, proposal: ProposalRow, kind: DutyKind) {
  return withdrawDuty(db, {
    committeeId: proposal.committeeId,
    sourceType: 'proposal',
    sourceId: proposal.id,
    kind,
  });
}

export const addMonths = (d: Date, months: number) => {
  const out = new Date(d);
  out.setMonth(out.getMonth() + months);
  return out;
};
export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
/** A YYYY-MM-DD deadline means the end of that day in China. */
export const endOfChinaDay = (date: string) => new Date(`${date}T23:59:59+08:00`);

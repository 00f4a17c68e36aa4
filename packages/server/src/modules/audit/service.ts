import { and, count, desc, eq, gte, ilike, inArray, like, lt, or, type SQL } from 'drizzle-orm';
import { auditActionLabels, type AuditEntryDto, type ListAuditLogQuery } from '@cppcc/shared';
import type { Db, DbOrTx } from '../../db/client';
import { auditLog, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { likePattern, newestFirstPage, toPage } from '../../lib/list';

export type AuditFilters = Omit<ListAuditLogQuery, 'page' | 'pageSize'>;

/** Dates are calendar days in China Standard Time, whatever the server's time zone. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const nextDayStart = (day: string) => new Date(dayStart(day).getTime() + 24 * 3600_000);

/** Escapes LIKE wildcards for a prefix match. */
const prefixPattern = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function auditConditions(db: DbOrTx, actor: Actor, f: AuditFilters): SQL | undefined {
  const conditions: SQL[] = [eq(auditLog.committeeId, actor.committeeId)];
  if (f.actor) {
    // The log keeps the actor's name as it was; the username is matched through the account.
    const byUsername = db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.committeeId, actor.committeeId), ilike(users.username, likePattern(f.actor))));
    conditions.push(
      or(ilike(auditLog.actorName, likePattern(f.actor)), inArray(auditLog.actorId, byUsername))!,
    );
  }
  if (f.action) conditions.push(like(auditLog.action, prefixPattern(f.action)));
  if (f.targetType) conditions.push(eq(auditLog.targetType, f.targetType));
  if (f.ip) conditions.push(like(auditLog.ip, prefixPattern(f.ip)));
  if (f.from) conditions.push(gte(auditLog.createdAt, dayStart(f.from)));
  if (f.to) conditions.push(lt(auditLog.createdAt, nextDayStart(f.to)));
  return and(...conditions);
}

export function presentAuditEntry(row: typeof auditLog.$inferSelect): AuditEntryDto {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorRole: row.actorRole,
    ip: row.ip,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    summary: row.summary,
    changes: row.changes ?? null,
  };
}

export async function listAuditLog(db: Db, actor: Actor, query: ListAuditLogQuery) {
  const where = auditConditions(db, actor, query);
  const { rows, total } = await newestFirstPage(db, auditLog, where, query);
  return toPage(rows.map(presentAuditEntry), total, query);
}

/** An export holds at most this many entries; narrower filters get the rest. */
export const maxExportRows = 50_000;

export async function selectAuditForExport(db: Db, actor: Actor, filters: AuditFilters) {
  return db
    .select()
    .from(auditLog)
    .where(auditConditions(db, actor, filters))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(maxExportRows + 1);
}

export const actionLabel = (action: string) => auditActionLabels[action] ?? action;

/** Counts for the audit administrator's home card: entries and failed sign-ins in the last 24 hours. */
export async function recentAuditCounts(db: DbOrTx, committeeId: number) {
  const since = new Date(Date.now() - 24 * 3600_000);
  const recent = and(eq(auditLog.committeeId, committeeId), gte(auditLog.createdAt, since));
  const [all] = await db.select({ n: count() }).from(auditLog).where(recent);
  const [failed] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(recent, eq(auditLog.action, 'auth.loginFailed')));
  const [accounts] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(recent, like(auditLog.action, 'account.%')));
  return { all: all?.n ?? 0, failedLogins: failed?.n ?? 0, accountChanges: accounts?.n ?? 0 };
}

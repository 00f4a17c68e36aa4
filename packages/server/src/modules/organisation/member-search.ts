import { eq, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import {
  contactPoints,
  memberGroups,
  memberSpecialCommittees,
  members,
  sectors,
  specialCommittees,
} from '../../db/schema';
import { pinyinOf } from '../../lib/chinese-text';

/**
 * People search over the members table, the one way every member list and picker finds members:
 * by part of the name, its pinyin or initials (or their prefixes), the phone's ending, and the
 * names of the sector and the groups a member belongs to.
 */

export interface NameSpelling {
  namePinyin: string;
  nameInitials: string;
}

/** Letters and digits only: `ü` typed as `v` (as on a pinyin keyboard), no spaces or `·`. */
const searchable = (spelling: string) => spelling.replace(/ü/g, 'v').replace(/[^a-z0-9]/g, '');

/** `weiyangchao` and `wyc` of a name, as stored beside it in `members`. */
export function nameSpelling(name: string): NameSpelling {
  const { full, initials } = pinyinOf(name);
  return { namePinyin: searchable(full), nameInitials: searchable(initials) };
}

/**
 * Member values with the stored spelling of their name when they write a name. Every insert into
 * `members` and every update of `members.name` goes through this, so the spelling never lags the name.
 */
export function withNameSpelling<T extends { name?: string }>(values: T): T & Partial<NameSpelling> {
  return values.name === undefined ? values : { ...values, ...nameSpelling(values.name) };
}

/**
 * Brings the stored spelling of every name up to how names are spelt now. Migration 0008 added the
 * columns empty and pinyin cannot be computed in SQL (on PostgreSQL or PGlite), so this runs at
 * start-up, right after the migrations; it also corrects rows spelt before surnames were read as
 * surnames (曾 zeng, 单 shan, 仇 qiu). Only rows whose spelling differs are written; `updated_at` is
 * left alone: the name did not change.
 */
export async function backfillNameSpelling(db: DbOrTx): Promise<number> {
  const rows = await db
    .select({
      id: members.id,
      name: members.name,
      namePinyin: members.namePinyin,
      nameInitials: members.nameInitials,
    })
    .from(members);
  const stale = rows
    .map((r) => ({ id: r.id, stored: r, spelling: nameSpelling(r.name) }))
    .filter(
      ({ stored, spelling }) =>
        stored.namePinyin !== spelling.namePinyin || stored.nameInitials !== spelling.nameInitials,
    );
  for (let i = 0; i < stale.length; i += 500) {
    const values = stale
      .slice(i, i + 500)
      .map(({ id, spelling: s }) => sql`(${id}::integer, ${s.namePinyin}::text, ${s.nameInitials}::text)`);
    await db.execute(
      sql`update members set name_pinyin = v.pinyin, name_initials = v.initials
          from (values ${sql.join(values, sql`, `)}) as v(id, pinyin, initials)
          where members.id = v.id`,
    );
  }
  return stale.length;
}

export interface MemberSearch {
  /** The rows the text finds; the caller keeps its own committee scope beside it. */
  where: SQL;
  /** 0 for the exact name (or the whole pinyin or initials), 1 for a name beginning with the text, 2 for the rest. */
  rank: SQL;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const qb = new QueryBuilder();

/**
 * How a search text finds members, spaces ignored and letters in any case:
 * - letters only (`weiy`, `wyc`): a prefix of the name's pinyin or of its initials;
 * - four or more digits: the ending of the phone — for viewers who may read phones (`private`), so
 *   that nobody else can probe a number digit by digit;
 * - anything else: part of the name, or of the name of the member's sector or 活动小组; for private
 *   viewers also of the employer, the contact point and the special committees (not public fields).
 * Undefined when there is nothing to search for.
 */
export function memberSearch(q: string | undefined, viewer: { private: boolean }): MemberSearch | undefined {
  const text = (q ?? '').replace(/\s+/g, '').toLowerCase();
  if (!text) return undefined;
  const escaped = escapeLike(text);
  let where: SQL | undefined;
  let exactSpelling: SQL | undefined;
  if (/^[a-z]+$/.test(text)) {
    where = or(like(members.namePinyin, `${escaped}%`), like(members.nameInitials, `${escaped}%`));
    exactSpelling = or(eq(members.namePinyin, text), eq(members.nameInitials, text));
  } else if (/^\d{4,}$/.test(text) && viewer.private) {
    where = like(members.phone, `%${escaped}`);
  } else {
    const pattern = `%${escaped}%`;
    const named = (table: typeof sectors | typeof memberGroups | typeof contactPoints) =>
      qb.select({ id: table.id }).from(table).where(ilike(table.name, pattern));
    where = or(
      ilike(members.name, pattern),
      inArray(members.sectorId, named(sectors)),
      inArray(members.groupId, named(memberGroups)),
      ...(viewer.private
        ? [
            ilike(members.employer, pattern),
            inArray(members.contactPointId, named(contactPoints)),
            inArray(
              members.id,
              qb
                .select({ id: memberSpecialCommittees.memberId })
                .from(memberSpecialCommittees)
                .innerJoin(
                  specialCommittees,
                  eq(specialCommittees.id, memberSpecialCommittees.specialCommitteeId),
                )
                .where(ilike(specialCommittees.name, pattern)),
            ),
          ]
        : []),
    );
  }
  const exact = or(eq(members.name, text), exactSpelling)!;
  return {
    where: where!,
    rank: sql`case when ${exact} then 0 when ${members.name} like ${`${escaped}%`} then 1 else 2 end`,
  };
}

import { aliasedTable, and, asc, count, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import {
  memberPublicDtoSchema,
  memberStatusLabels,
  genderLabels,
  type ListMembersQuery,
  type MemberDto,
  type MemberInput,
  type MemberUpdate,
  type MemberView,
  type Page,
} from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import {
  contactPoints,
  memberGroups,
  memberSpecialCommittees,
  members,
  sectors,
  specialCommittees,
  terms,
} from '../../db/schema';
import type { Actor, ServiceContext } from '../../lib/actor';
import { diffFields, writeAudit } from '../../lib/audit';
import { AppError, invalidField, notFound } from '../../lib/errors';
import { orderBy, pageOffset, toPage } from '../../lib/list';
import { authorize, can, collectionOf, presentPolicies } from '../../lib/policy';
import type { XlsxColumn } from '../../lib/xlsx';
import { memberSearch, withNameSpelling } from './member-search';

const sectorOfMember = aliasedTable(sectors, 'member_sector');
const groupOfMember = aliasedTable(memberGroups, 'member_group');
const contactPointOfMember = aliasedTable(contactPoints, 'member_contact_point');
const termOfMember = aliasedTable(terms, 'member_term');

const memberSelection = {
  member: members,
  sectorName: sectorOfMember.name,
  groupName: groupOfMember.name,
  contactPointName: contactPointOfMember.name,
  termName: termOfMember.name,
};

export interface MemberRow {
  member: typeof members.$inferSelect;
  sectorName: string | null;
  groupName: string | null;
  contactPointName: string | null;
  termName: string | null;
  specialCommittees: { id: number; name: string }[];
}

function selectMembers(db: DbOrTx) {
  return db
    .select(memberSelection)
    .from(members)
    .leftJoin(sectorOfMember, eq(sectorOfMember.id, members.sectorId))
    .leftJoin(groupOfMember, eq(groupOfMember.id, members.groupId))
    .leftJoin(contactPointOfMember, eq(contactPointOfMember.id, members.contactPointId))
    .leftJoin(termOfMember, eq(termOfMember.id, members.termId));
}

/** Loads the special committees of the given members, in one query. */
async function withSpecialCommittees(
  db: DbOrTx,
  rows: Omit<MemberRow, 'specialCommittees'>[],
): Promise<MemberRow[]> {
  const ids = rows.map((r) => r.member.id);
  const links =
    ids.length === 0
      ? []
      : await db
          .select({
            memberId: memberSpecialCommittees.memberId,
            id: specialCommittees.id,
            name: specialCommittees.name,
          })
          .from(memberSpecialCommittees)
          .innerJoin(specialCommittees, eq(specialCommittees.id, memberSpecialCommittees.specialCommitteeId))
          .where(inArray(memberSpecialCommittees.memberId, ids))
          .orderBy(asc(specialCommittees.sortOrder), asc(specialCommittees.id));
  return rows.map((r) => ({
    ...r,
    specialCommittees: links.filter((l) => l.memberId === r.member.id).map(({ id, name }) => ({ id, name })),
  }));
}

/**
 * The DTO a viewer may see: the full record with `canReadPrivate`, otherwise only the public
 * fields — parsed through the public schema, which drops everything else.
 */
export function presentMember(actor: Actor, row: MemberRow): MemberView {
  const m = row.member;
  const policies = presentPolicies(actor, 'member', m);
  const publicView = {
    id: m.id,
    name: m.name,
    sectorId: m.sectorId,
    sectorName: row.sectorName ?? '',
    groupId: m.groupId,
    groupName: row.groupName,
    policies,
  };
  if (!policies.canReadPrivate) return memberPublicDtoSchema.parse(publicView);
  const full: MemberDto = {
    ...publicView,
    gender: m.gender,
    ethnicity: m.ethnicity,
    birthMonth: m.birthMonth,
    party: m.party,
    specialCommittees: row.specialCommittees,
    contactPointId: m.contactPointId,
    contactPointName: row.contactPointName,
    employer: m.employer,
    phone: m.phone,
    isStandingMember: m.isStandingMember,
    isLeader: m.isLeader,
    termId: m.termId,
    termName: row.termName ?? '',
    status: m.status as MemberDto['status'],
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
  return full;
}

const sortable = {
  name: members.name,
  birthMonth: members.birthMonth,
  sector: sectorOfMember.sortOrder,
  group: groupOfMember.name,
  term: termOfMember.number,
  status: members.status,
  createdAt: members.createdAt,
};

/** The search of a list query: viewers without private access do not search phones, so none can be probed. */
const searchOf = (actor: Actor, query: ListMembersQuery) =>
  memberSearch(query.q, { private: can(actor, 'readPrivate', 'member', collectionOf(actor)) });

function memberFilters(actor: Actor, query: ListMembersQuery): SQL {
  const conditions: (SQL | undefined)[] = [eq(members.committeeId, actor.committeeId)];
  conditions.push(searchOf(actor, query)?.where);
  if (query.sectorId) conditions.push(eq(members.sectorId, query.sectorId));
  if (query.groupId) conditions.push(eq(members.groupId, query.groupId));
  if (query.contactPointId) conditions.push(eq(members.contactPointId, query.contactPointId));
  if (query.termId) conditions.push(eq(members.termId, query.termId));
  if (query.status) conditions.push(eq(members.status, query.status));
  if (query.isStandingMember !== undefined)
    conditions.push(eq(members.isStandingMember, query.isStandingMember));
  if (query.specialCommitteeId) {
    // Qualified by hand: drizzle leaves columns unqualified when the outer select has one table.
    conditions.push(
      sql`exists (select 1 from member_special_committees msc where msc.member_id = "members"."id" and msc.special_committee_id = ${query.specialCommitteeId})`,
    );
  }
  return and(...conditions)!;
}

/** A sort asked for wins; otherwise a search lists the best matches first (exact name, name prefix), then by name. */
function memberOrder(actor: Actor, query: ListMembersQuery): SQL[] {
  const search = query.sort ? undefined : searchOf(actor, query);
  return [...(search ? [search.rank] : []), orderBy(query, sortable, members.name), asc(members.id)];
}

export async function listMembers(
  ctx: ServiceContext,
  query: ListMembersQuery,
): Promise<Page<MemberView> & { policies: Record<string, boolean> }> {
  authorize(ctx.actor, 'list', 'member', collectionOf(ctx.actor));
  const where = memberFilters(ctx.actor, query);
  const rows = await selectMembers(ctx.db)
    .where(where)
    .orderBy(...memberOrder(ctx.actor, query))
    .limit(query.pageSize)
    .offset(pageOffset(query));
  const [total] = await ctx.db.select({ n: count() }).from(members).where(where);
  const full = await withSpecialCommittees(ctx.db, rows);
  return {
    ...toPage(
      full.map((r) => presentMember(ctx.actor, r)),
      total?.n ?? 0,
      query,
    ),
    policies: presentPolicies(ctx.actor, 'member', collectionOf(ctx.actor)),
  };
}

export async function exportMembers(ctx: ServiceContext, query: ListMembersQuery): Promise<MemberRow[]> {
  authorize(ctx.actor, 'export', 'member', collectionOf(ctx.actor));
  const rows = await selectMembers(ctx.db)
    .where(memberFilters(ctx.actor, query))
    .orderBy(...memberOrder(ctx.actor, query))
    .limit(20_000);
  return withSpecialCommittees(ctx.db, rows);
}

const yesNo = (v: boolean) => (v ? '是' : '否');

/** Export columns are the import headers, so that an exported roster can be edited and imported elsewhere. */
export const memberExportColumns: XlsxColumn<MemberRow>[] = [
  { header: '姓名', value: (r) => r.member.name },
  { header: '性别', value: (r) => genderLabels[r.member.gender] },
  { header: '民族', value: (r) => r.member.ethnicity },
  { header: '出生年月', value: (r) => r.member.birthMonth },
  { header: '党派', value: (r) => r.member.party },
  { header: '界别', value: (r) => r.sectorName },
  { header: '专委会', value: (r) => r.specialCommittees.map((s) => s.name).join('、') },
  { header: '活动小组', value: (r) => r.groupName },
  { header: '联系点', value: (r) => r.contactPointName },
  { header: '工作单位及职务', value: (r) => r.member.employer },
  { header: '手机', value: (r) => r.member.phone },
  { header: '是否常委', value: (r) => yesNo(r.member.isStandingMember) },
  { header: '是否主席会成员', value: (r) => yesNo(r.member.isLeader) },
  { header: '届', value: (r) => r.termName },
  { header: '状态', value: (r) => memberStatusLabels[r.member.status as keyof typeof memberStatusLabels] },
];

async function findMemberRow(db: DbOrTx, committeeId: number, id: number): Promise<MemberRow> {
  const [row] = await selectMembers(db).where(and(eq(members.id, id), eq(members.committeeId, committeeId)));
  if (!row) throw notFound('委员');
  const [full] = await withSpecialCommittees(db, [row]);
  return full!;
}

export async function getMember(ctx: ServiceContext, id: number): Promise<MemberRow> {
  const row = await findMemberRow(ctx.db, ctx.actor.committeeId, id);
  authorize(ctx.actor, 'read', 'member', row.member);
  return row;
}

/** Every referenced record must belong to the actor's committee; unknown ids are reported per field. */
async function assertReferences(db: DbOrTx, committeeId: number, input: MemberUpdate) {
  const checks: {
    path: string;
    message: string;
    table: typeof sectors | typeof memberGroups | typeof contactPoints | typeof terms;
    id: number | null | undefined;
  }[] = [
    { path: 'body.sectorId', message: '所选界别不存在', table: sectors, id: input.sectorId },
    { path: 'body.groupId', message: '所选活动小组不存在', table: memberGroups, id: input.groupId },
    {
      path: 'body.contactPointId',
      message: '所选联系点不存在',
      table: contactPoints,
      id: input.contactPointId,
    },
    { path: 'body.termId', message: '所选届次不存在', table: terms, id: input.termId },
  ];
  for (const c of checks) {
    if (c.id === undefined || c.id === null) continue;
    const [found] = await db
      .select({ id: c.table.id })
      .from(c.table)
      .where(and(eq(c.table.id, c.id), eq(c.table.committeeId, committeeId)));
    if (!found) throw invalidField(c.path, c.message);
  }
  const scIds = input.specialCommitteeIds ?? [];
  if (scIds.length > 0) {
    const found = await db
      .select({ id: specialCommittees.id })
      .from(specialCommittees)
      .where(and(inArray(specialCommittees.id, scIds), eq(specialCommittees.committeeId, committeeId)));
    if (found.length !== scIds.length) throw invalidField('body.specialCommitteeIds', '所选专委会不存在');
  }
}

async function assertPhoneFree(db: DbOrTx, committeeId: number, phone: string | undefined, selfId?: number) {
  if (!phone) return;
  const conditions = [eq(members.committeeId, committeeId), eq(members.phone, phone)];
  if (selfId !== undefined) conditions.push(ne(members.id, selfId));
  const [clash] = await db
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(and(...conditions));
  if (clash) {
    const message = `手机号 ${phone} 已被委员“${clash.name}”使用`;
    throw new AppError('DUPLICATE', message, { fields: [{ path: 'body.phone', message }] });
  }
}

export async function createMember(ctx: ServiceContext, input: MemberInput): Promise<MemberRow> {
  authorize(ctx.actor, 'create', 'member', collectionOf(ctx.actor));
  const committeeId = ctx.actor.committeeId;
  const id = await ctx.db.transaction(async (tx) => {
    await assertReferences(tx, committeeId, input);
    await assertPhoneFree(tx, committeeId, input.phone);
    const { specialCommitteeIds, ...fields } = input;
    const [created] = await tx
      .insert(members)
      .values(withNameSpelling({ ...fields, committeeId }))
      .returning({ id: members.id });
    if (specialCommitteeIds.length > 0) {
      await tx
        .insert(memberSpecialCommittees)
        .values(
          specialCommitteeIds.map((specialCommitteeId) => ({ memberId: created!.id, specialCommitteeId })),
        );
    }
    await writeAudit(tx, ctx.actor, {
      action: 'member.create',
      targetType: 'member',
      targetId: created!.id,
      summary: `新增委员“${input.name}”`,
      changes: diffFields({}, input),
    });
    return created!.id;
  });
  return findMemberRow(ctx.db, committeeId, id);
}

export async function updateMember(ctx: ServiceContext, id: number, input: MemberUpdate): Promise<MemberRow> {
  const committeeId = ctx.actor.committeeId;
  await ctx.db.transaction(async (tx) => {
    const before = await findMemberRow(tx, committeeId, id);
    authorize(ctx.actor, 'update', 'member', before.member);
    await assertReferences(tx, committeeId, input);
    await assertPhoneFree(tx, committeeId, input.phone, id);
    const beforeFlat = { ...before.member, specialCommitteeIds: before.specialCommittees.map((s) => s.id) };
    const changes = diffFields(beforeFlat, input);
    if (Object.keys(changes).length === 0) return;
    const { specialCommitteeIds, ...fields } = input;
    await tx
      .update(members)
      .set(withNameSpelling({ ...fields, updatedAt: new Date() }))
      .where(and(eq(members.id, id), eq(members.committeeId, committeeId)));
    if (specialCommitteeIds) {
      await tx.delete(memberSpecialCommittees).where(eq(memberSpecialCommittees.memberId, id));
      if (specialCommitteeIds.length > 0) {
        await tx
          .insert(memberSpecialCommittees)
          .values(specialCommitteeIds.map((specialCommitteeId) => ({ memberId: id, specialCommitteeId })));
      }
    }
    await writeAudit(tx, ctx.actor, {
      action: 'member.update',
      targetType: 'member',
      targetId: id,
      summary: `修改委员“${before.member.name}”`,
      changes,
    });
  });
  return findMemberRow(ctx.db, committeeId, id);
}

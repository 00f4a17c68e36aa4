import { and, eq, sql } from 'drizzle-orm';
import {
  contactPointDtoSchema,
  contactPointInputSchema,
  contactPointKindLabels,
  contactPointUpdateSchema,
  memberGroupDtoSchema,
  memberGroupInputSchema,
  memberGroupUpdateSchema,
  namedItemDtoSchema,
  namedItemInputSchema,
  namedItemUpdateSchema,
  organisationProposerDtoSchema,
  organisationProposerInputSchema,
  organisationProposerKindLabels,
  organisationProposerUpdateSchema,
  staffDtoSchema,
  staffInputSchema,
  staffUpdateSchema,
  unitDtoSchema,
  unitInputSchema,
  unitUpdateSchema,
} from '@cppcc/shared';
import {
  contactPoints,
  memberGroups,
  members,
  organisationProposers,
  sectors,
  specialCommittees,
  staff,
  units,
} from '../../db/schema';
import { invalidField } from '../../lib/errors';
import type { CatalogResource, CatalogRow } from './catalog';
import { plenarySessionResource, termResource } from './terms';

const yesNo = (v: unknown) => (v ? '是' : '否');
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

// Written out with qualified names: drizzle leaves column references unqualified in a single-table select,
// which inside a subquery would bind to the subquery's own table.
const sectorMemberCount = sql<number>`(select count(*) from members m where m.sector_id = "sectors"."id")`
  .mapWith(Number)
  .as('member_count');
const specialCommitteeMemberCount =
  sql<number>`(select count(*) from member_special_committees msc where msc.special_committee_id = "special_committees"."id")`
    .mapWith(Number)
    .as('member_count');
const groupMemberCount = sql<number>`(select count(*) from members m where m.group_id = "member_groups"."id")`
  .mapWith(Number)
  .as('member_count');
const contactPointMemberCount =
  sql<number>`(select count(*) from members m where m.contact_point_id = "contact_points"."id")`
    .mapWith(Number)
    .as('member_count');
const convenerName = sql<
  string | null
>`(select m.name from members m where m.id = "organisation_proposers"."convener_member_id")`.as(
  'convener_name',
);

/** 界别 and 专委会 are ordered option lists of one shape; each counts the members in it. */
function optionListResource(list: {
  path: string;
  resource: string;
  label: string;
  table: typeof sectors | typeof specialCommittees;
  memberCount: typeof sectorMemberCount;
}): CatalogResource {
  const { label, table } = list;
  return {
    path: list.path,
    resource: list.resource,
    label,
    exportName: `${label}列表`,
    table,
    createBody: namedItemInputSchema,
    updateBody: namedItemUpdateSchema,
    dto: namedItemDtoSchema,
    extra: { memberCount: list.memberCount },
    sortable: {
      name: table.name,
      sortOrder: table.sortOrder,
      active: table.active,
      memberCount: sql`member_count`,
    },
    defaultSort: table.sortOrder,
    searchColumns: [table.name],
    unique: [{ field: 'name', column: table.name, label: `${label}名称` }],
    exportColumns: [
      { header: label, value: (r) => text(r.name) },
      { header: '排序号', value: (r) => r.sortOrder as number },
      { header: '委员人数', value: (r) => r.memberCount as number },
      { header: '是否启用', value: (r) => yesNo(r.active) },
    ],
  };
}

export const sectorResource = optionListResource({
  path: 'sectors',
  resource: 'sector',
  label: '界别',
  table: sectors,
  memberCount: sectorMemberCount,
});

export const specialCommitteeResource = optionListResource({
  path: 'special-committees',
  resource: 'specialCommittee',
  label: '专委会',
  table: specialCommittees,
  memberCount: specialCommitteeMemberCount,
});

export const memberGroupResource: CatalogResource = {
  path: 'member-groups',
  resource: 'memberGroup',
  label: '委员活动小组',
  exportName: '委员活动小组列表',
  table: memberGroups,
  createBody: memberGroupInputSchema,
  updateBody: memberGroupUpdateSchema,
  dto: memberGroupDtoSchema,
  extra: { memberCount: groupMemberCount },
  sortable: { name: memberGroups.name, memberCount: sql`member_count` },
  defaultSort: memberGroups.id,
  searchColumns: [memberGroups.name, memberGroups.description],
  unique: [{ field: 'name', column: memberGroups.name, label: '小组名称' }],
  exportColumns: [
    { header: '小组名称', value: (r) => text(r.name) },
    { header: '说明', value: (r) => text(r.description) },
    { header: '委员人数', value: (r) => r.memberCount as number },
  ],
};

export const contactPointResource: CatalogResource = {
  path: 'contact-points',
  resource: 'contactPoint',
  label: '联系点',
  exportName: '基层联系点列表',
  table: contactPoints,
  createBody: contactPointInputSchema,
  updateBody: contactPointUpdateSchema,
  dto: contactPointDtoSchema,
  extra: { memberCount: contactPointMemberCount },
  sortable: {
    name: contactPoints.name,
    kind: contactPoints.kind,
    town: contactPoints.town,
    village: contactPoints.village,
    memberCount: sql`member_count`,
  },
  defaultSort: contactPoints.town,
  searchColumns: [contactPoints.name, contactPoints.town, contactPoints.village],
  unique: [{ field: 'name', column: contactPoints.name, label: '联系点名称' }],
  exportColumns: [
    { header: '名称', value: (r) => text(r.name) },
    {
      header: '类型',
      value: (r) => contactPointKindLabels[r.kind as keyof typeof contactPointKindLabels] ?? text(r.kind),
    },
    { header: '镇（街道）', value: (r) => text(r.town) },
    { header: '村（社区）', value: (r) => text(r.village) },
    { header: '地址', value: (r) => text(r.address) },
    { header: '委员人数', value: (r) => r.memberCount as number },
  ],
};

export const staffResource: CatalogResource = {
  path: 'staff',
  resource: 'staff',
  label: '机关干部',
  exportName: '机关干部名单',
  table: staff,
  createBody: staffInputSchema,
  updateBody: staffUpdateSchema,
  dto: staffDtoSchema,
  sortable: {
    name: staff.name,
    department: staff.department,
    position: staff.position,
    createdAt: staff.createdAt,
  },
  defaultSort: staff.id,
  searchColumns: [staff.name, staff.department, staff.position, staff.phone],
  // Two staff may share a name; a phone identifies one person.
  unique: [{ field: 'phone', column: staff.phone, label: '手机号' }],
  exportColumns: [
    { header: '姓名', value: (r) => text(r.name) },
    { header: '部门', value: (r) => text(r.department) },
    { header: '职务', value: (r) => text(r.position) },
    { header: '手机', value: (r) => text(r.phone) },
  ],
};

export const unitResource: CatalogResource = {
  path: 'units',
  resource: 'unit',
  label: '承办单位',
  exportName: '承办单位列表',
  table: units,
  createBody: unitInputSchema,
  updateBody: unitUpdateSchema,
  dto: unitDtoSchema,
  sortable: {
    name: units.name,
    shortName: units.shortName,
    active: units.active,
    createdAt: units.createdAt,
  },
  defaultSort: units.id,
  searchColumns: [units.name, units.shortName, units.contactPerson],
  unique: [{ field: 'name', column: units.name, label: '单位名称' }],
  exportColumns: [
    { header: '单位名称', value: (r) => text(r.name) },
    { header: '简称', value: (r) => text(r.shortName) },
    { header: '联系人', value: (r) => text(r.contactPerson) },
    { header: '联系电话', value: (r) => text(r.contactPhone) },
    { header: '是否启用', value: (r) => yesNo(r.active) },
  ],
};

export const organisationProposerResource: CatalogResource = {
  path: 'organisation-proposers',
  resource: 'organisationProposer',
  label: '党派团体提案者',
  exportName: '党派团体提案者列表',
  table: organisationProposers,
  createBody: organisationProposerInputSchema,
  updateBody: organisationProposerUpdateSchema,
  dto: organisationProposerDtoSchema,
  extra: { convenerName },
  sortable: { name: organisationProposers.name, kind: organisationProposers.kind },
  defaultSort: organisationProposers.id,
  searchColumns: [organisationProposers.name],
  unique: [{ field: 'name', column: organisationProposers.name, label: '名称' }],
  exportColumns: [
    { header: '名称', value: (r) => text(r.name) },
    {
      header: '类型',
      value: (r) =>
        organisationProposerKindLabels[r.kind as keyof typeof organisationProposerKindLabels] ?? text(r.kind),
    },
    { header: '召集人', value: (r) => text(r.convenerName) },
  ],
  async validate(ctx, input) {
    const memberId = input.convenerMemberId;
    if (typeof memberId !== 'number') return;
    const [member] = await ctx.db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.id, memberId), eq(members.committeeId, ctx.actor.committeeId)));
    if (!member) throw invalidField('body.convenerMemberId', '召集人不是本会委员');
  },
};

export const catalogResources: CatalogResource[] = [
  termResource,
  plenarySessionResource,
  sectorResource,
  specialCommitteeResource,
  memberGroupResource,
  contactPointResource,
  staffResource,
  unitResource,
  organisationProposerResource,
];

export type { CatalogRow };

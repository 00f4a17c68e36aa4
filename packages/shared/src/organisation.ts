import { z } from 'zod';
import { isoDate } from './fields';
import { recordId, recordIdParam } from './ids';
import { codesOf } from './codes';
import {
  committeeLevelLabels,
  contactPointKindLabels,
  genderLabels,
  memberImportActionLabels,
  memberStatusLabels,
  organisationProposerKindLabels,
} from './labels';

/** Organisation vocabulary shared by forms, API schemas and imports. */
export const committeeLevels = codesOf(committeeLevelLabels);

export const genders = codesOf(genderLabels);

export const memberStatuses = codesOf(memberStatusLabels);

export const contactPointKinds = codesOf(contactPointKindLabels);

export const organisationProposerKinds = codesOf(organisationProposerKindLabels);

/** Default lists from DOMAIN.md; committees edit their own copies. */
export const defaultSectors = [
  '中共',
  '民革',
  '民盟',
  '民建',
  '民进',
  '农工党',
  '致公党',
  '九三学社',
  '无党派人士',
  '共青团和青联',
  '工会',
  '妇联',
  '工商联',
  '科协',
  '台联',
  '侨联',
  '文化艺术界',
  '科技界',
  '社会科学界',
  '经济界',
  '农业界',
  '教育界',
  '体育界',
  '新闻出版界',
  '医药卫生界',
  '社会福利和社会保障界',
  '少数民族界',
  '宗教界',
  '特别邀请人士',
];
export const defaultSpecialCommittees = [
  '提案委员会',
  '经济委员会',
  '农业和农村委员会',
  '人口资源环境委员会',
  '教科卫体委员会',
  '社会和法制委员会',
  '民族宗教委员会',
  '文化文史和学习委员会',
];
export const maxSpecialCommitteesPerMember = 2;

export const mobilePhonePattern = /^1[3-9]\d{9}$/;
export const yearMonthPattern = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

const name = (label: string, max = 50) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不超过 ${max} 个字`);
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label}不超过 ${max} 个字`).nullable().optional();
const id = recordId;
const optionalId = id.nullable().optional();

export const mobilePhoneSchema = z.string().trim().regex(mobilePhonePattern, '手机号应为 11 位数字');

const memberFields = {
  name: name('姓名', 20),
  gender: z.enum(genders, { error: '请选择性别' }),
  ethnicity: name('民族', 20),
  birthMonth: z.string({ error: '请填写出生年月' }).regex(yearMonthPattern, '出生年月格式应为 YYYY-MM'),
  party: name('党派', 20),
  sectorId: id,
  specialCommitteeIds: z
    .array(id)
    .max(maxSpecialCommitteesPerMember, `专委会最多 ${maxSpecialCommitteesPerMember} 个`)
    .refine((ids) => new Set(ids).size === ids.length, '专委会不能重复'),
  groupId: optionalId,
  contactPointId: optionalId,
  employer: optionalText(100, '工作单位及职务'),
  phone: mobilePhoneSchema,
  isStandingMember: z.boolean(),
  isLeader: z.boolean(),
  termId: id,
  status: z.enum(memberStatuses, { error: '状态不在允许范围内' }),
};

export const memberInputSchema = z
  .object({
    ...memberFields,
    specialCommitteeIds: memberFields.specialCommitteeIds.default([]),
    isStandingMember: memberFields.isStandingMember.default(false),
    isLeader: memberFields.isLeader.default(false),
    status: memberFields.status.default('active'),
  })
  .strict();
export type MemberInput = z.infer<typeof memberInputSchema>;
/** PATCH: any subset of the fields; no defaults, so that absent fields stay unchanged. */
export const memberUpdateSchema = z.object(memberFields).partial().strict();
export type MemberUpdate = z.infer<typeof memberUpdateSchema>;

const termFields = {
  number: z.number({ error: '请填写届次' }).int().min(1, '届次应为 1–99').max(99, '届次应为 1–99'),
  name: name('名称', 30),
  startDate: isoDate,
  endDate: isoDate,
};
export const termInputSchema = z
  .object(termFields)
  .strict()
  .refine((t) => t.endDate > t.startDate, { message: '结束日期应晚于开始日期', path: ['endDate'] });
export type TermInput = z.infer<typeof termInputSchema>;
export const termUpdateSchema = z.object(termFields).partial().strict();
export type TermUpdate = z.infer<typeof termUpdateSchema>;

const plenarySessionFields = {
  termId: id,
  number: z
    .number({ error: '请填写会议次数' })
    .int()
    .min(1, '会议次数应为 1–20')
    .max(20, '会议次数应为 1–20'),
  name: name('名称', 50),
  meetingStart: isoDate,
  meetingEnd: isoDate,
  submissionOpens: isoDate,
  submissionCloses: isoDate,
};
type PlenaryWindow = Pick<
  z.infer<z.ZodObject<typeof plenarySessionFields>>,
  'meetingStart' | 'meetingEnd' | 'submissionOpens' | 'submissionCloses'
>;
/** Problems with a session's dates; the server also checks them after merging a PATCH with the stored row. */
export function plenaryWindowProblems(s: PlenaryWindow): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (s.meetingEnd < s.meetingStart)
    problems.push({ path: 'meetingEnd', message: '闭幕日期不能早于开幕日期' });
  if (s.submissionCloses < s.submissionOpens)
    problems.push({ path: 'submissionCloses', message: '提案截止日期不能早于开始日期' });
  // 大会提案 are filed before the plenary and close by its end at the latest.
  if (s.submissionCloses > s.meetingEnd)
    problems.push({ path: 'submissionCloses', message: '提案截止日期不能晚于会议闭幕日期' });
  if (s.submissionOpens > s.meetingStart)
    problems.push({ path: 'submissionOpens', message: '提案开始日期不能晚于会议开幕日期' });
  return problems;
}
export const plenarySessionInputSchema = z
  .object(plenarySessionFields)
  .strict()
  .superRefine((s, ctx) => {
    for (const p of plenaryWindowProblems(s))
      ctx.addIssue({ code: 'custom', message: p.message, path: [p.path] });
  });
export type PlenarySessionInput = z.infer<typeof plenarySessionInputSchema>;
export const plenarySessionUpdateSchema = z.object(plenarySessionFields).partial().strict();
export type PlenarySessionUpdate = z.infer<typeof plenarySessionUpdateSchema>;

const namedItemFields = {
  name: name('名称'),
  sortOrder: z.number().int().min(0, '排序号不能为负').max(9999, '排序号不超过 9999'),
  active: z.boolean(),
};
/** Sectors and special committees. */
export const namedItemInputSchema = z
  .object({
    ...namedItemFields,
    sortOrder: namedItemFields.sortOrder.default(0),
    active: namedItemFields.active.default(true),
  })
  .strict();
export const namedItemUpdateSchema = z.object(namedItemFields).partial().strict();

const memberGroupFields = { name: name('名称'), description: optionalText(200, '说明') };
export const memberGroupInputSchema = z.object(memberGroupFields).strict();
export const memberGroupUpdateSchema = z.object(memberGroupFields).partial().strict();

const contactPointFields = {
  name: name('名称'),
  kind: z.enum(contactPointKinds, { error: '请选择联系点类型' }),
  town: name('镇（街道）', 30),
  village: optionalText(30, '村（社区）'),
  address: optionalText(100, '地址'),
};
export const contactPointInputSchema = z.object(contactPointFields).strict();
export const contactPointUpdateSchema = z.object(contactPointFields).partial().strict();

const staffFields = {
  name: name('姓名', 20),
  department: optionalText(50, '部门'),
  position: optionalText(50, '职务'),
  phone: mobilePhoneSchema.nullable().optional(),
};
export const staffInputSchema = z.object(staffFields).strict();
export const staffUpdateSchema = z.object(staffFields).partial().strict();

const unitFields = {
  name: name('单位名称', 60),
  shortName: optionalText(20, '简称'),
  contactPerson: optionalText(20, '联系人'),
  contactPhone: optionalText(20, '联系电话'),
  active: z.boolean(),
};
export const unitInputSchema = z.object({ ...unitFields, active: unitFields.active.default(true) }).strict();
export const unitUpdateSchema = z.object(unitFields).partial().strict();

const organisationProposerFields = {
  name: name('名称', 60),
  kind: z.enum(organisationProposerKinds, { error: '请选择类型' }),
  convenerMemberId: optionalId,
};
export const organisationProposerInputSchema = z.object(organisationProposerFields).strict();
export const organisationProposerUpdateSchema = z.object(organisationProposerFields).partial().strict();

/** Common list query: paging, sorting and a free-text filter. */
export const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().trim().max(50).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The response schema of a paged list of `item`. */
export const pageSchema = <Item extends z.ZodType>(item: Item) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

/** One step of a record's history as its page shows it (活动、年度协商计划 …). */
export const timelineEntrySchema = z.object({
  id: z.number(),
  action: z.string(),
  actionLabel: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});

/** Abilities sent with every record: `{ canRead, canUpdate, … }`; the UI shows only allowed actions. */
export const policiesSchema = z.record(z.string(), z.boolean());

const booleanQuery = z
  .enum(['true', 'false'], { error: '应为 true 或 false' })
  .transform((v) => v === 'true')
  .optional();
const idQuery = recordIdParam.optional();

/** Lists of the simple organisation resources take the common query only. */
export const listOrganisationQuerySchema = listQuerySchema.strict();

export const listMembersQuerySchema = listQuerySchema
  .extend({
    sectorId: idQuery,
    groupId: idQuery,
    specialCommitteeId: idQuery,
    contactPointId: idQuery,
    termId: idQuery,
    status: z.enum(memberStatuses, { error: '状态不在允许范围内' }).optional(),
    isStandingMember: booleanQuery,
  })
  .strict();
export type ListMembersQuery = z.infer<typeof listMembersQuerySchema>;
/** Sort keys accepted by `GET /api/members`. */
export const memberSortKeys = [
  'name',
  'birthMonth',
  'sector',
  'group',
  'term',
  'status',
  'createdAt',
] as const;

export const organisationOptionsQuerySchema = z.object({ all: booleanQuery }).strict();

export const termDtoSchema = z.object({
  id: z.number(),
  number: z.number(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  policies: policiesSchema,
});
export type TermDto = z.infer<typeof termDtoSchema>;

export const plenarySessionDtoSchema = z.object({
  id: z.number(),
  termId: z.number(),
  termName: z.string(),
  number: z.number(),
  name: z.string(),
  meetingStart: z.string(),
  meetingEnd: z.string(),
  submissionOpens: z.string(),
  submissionCloses: z.string(),
  policies: policiesSchema,
});
export type PlenarySessionDto = z.infer<typeof plenarySessionDtoSchema>;

/** Sectors and special committees. */
export const namedItemDtoSchema = z.object({
  id: z.number(),
  name: z.string(),
  sortOrder: z.number(),
  active: z.boolean(),
  memberCount: z.number(),
  policies: policiesSchema,
});
export type NamedItemDto = z.infer<typeof namedItemDtoSchema>;

export const memberGroupDtoSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  memberCount: z.number(),
  policies: policiesSchema,
});
export type MemberGroupDto = z.infer<typeof memberGroupDtoSchema>;

export const contactPointDtoSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(contactPointKinds),
  town: z.string(),
  village: z.string().nullable(),
  address: z.string().nullable(),
  memberCount: z.number(),
  policies: policiesSchema,
});
export type ContactPointDto = z.infer<typeof contactPointDtoSchema>;

export const staffDtoSchema = z.object({
  id: z.number(),
  name: z.string(),
  department: z.string().nullable(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  policies: policiesSchema,
});
export type StaffDto = z.infer<typeof staffDtoSchema>;

export const unitDtoSchema = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  policies: policiesSchema,
});
export type UnitDto = z.infer<typeof unitDtoSchema>;
/** `GET /api/units/:id`: the unit plus its handler/head accounts (read-only; accounts are managed elsewhere). */
export const unitDetailDtoSchema = unitDtoSchema.extend({
  accounts: z.array(
    z.object({ id: z.number(), username: z.string(), displayName: z.string(), roles: z.array(z.string()) }),
  ),
});
export type UnitDetailDto = z.infer<typeof unitDetailDtoSchema>;

export const organisationProposerDtoSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(organisationProposerKinds),
  convenerMemberId: z.number().nullable(),
  convenerName: z.string().nullable(),
  policies: policiesSchema,
});
export type OrganisationProposerDto = z.infer<typeof organisationProposerDtoSchema>;

/** What any member of the committee may see of another member. */
export const memberPublicDtoSchema = z.object({
  id: z.number(),
  name: z.string(),
  sectorId: z.number(),
  sectorName: z.string(),
  groupId: z.number().nullable(),
  groupName: z.string().nullable(),
  policies: policiesSchema,
});
export type MemberPublicDto = z.infer<typeof memberPublicDtoSchema>;

/** The full record, for staff and leaders (`policies.canReadPrivate`). */
export const memberDtoSchema = memberPublicDtoSchema.extend({
  gender: z.enum(genders),
  ethnicity: z.string(),
  birthMonth: z.string(),
  party: z.string(),
  specialCommittees: z.array(z.object({ id: z.number(), name: z.string() })),
  contactPointId: z.number().nullable(),
  contactPointName: z.string().nullable(),
  employer: z.string().nullable(),
  phone: z.string(),
  isStandingMember: z.boolean(),
  isLeader: z.boolean(),
  termId: z.number(),
  termName: z.string(),
  status: z.enum(memberStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MemberDto = z.infer<typeof memberDtoSchema>;
/** Full first: a public record fails it (no phone) and falls through to the public shape, which strips the rest. */
export const memberViewSchema = z.union([memberDtoSchema, memberPublicDtoSchema]);
export type MemberView = MemberDto | MemberPublicDto;

const option = z.object({ id: z.number(), name: z.string() });
export const organisationOptionsSchema = z.object({
  terms: z.array(option),
  plenarySessions: z.array(option.extend({ termId: z.number() })),
  sectors: z.array(option),
  specialCommittees: z.array(option),
  memberGroups: z.array(option),
  contactPoints: z.array(option.extend({ town: z.string() })),
  units: z.array(option),
  organisationProposers: z.array(option.extend({ kind: z.enum(organisationProposerKinds) })),
});
export type OrganisationOptions = z.infer<typeof organisationOptionsSchema>;

/** Member roster import: column headers in the template, in order. */
export const memberImportHeaders = [
  '姓名',
  '性别',
  '民族',
  '出生年月',
  '党派',
  '界别',
  '专委会',
  '活动小组',
  '联系点',
  '工作单位及职务',
  '手机',
  '是否常委',
  '是否主席会成员',
  '届',
  '状态',
] as const;
export type MemberImportHeader = (typeof memberImportHeaders)[number];

/** Headers offices write for the template's columns; 工作单位 and 职务 in two columns are joined. */
export const memberImportHeaderAliases: Readonly<Record<string, MemberImportHeader>> = {
  委员姓名: '姓名',
  出生日期: '出生年月',
  党派团体: '党派',
  政治面貌: '党派',
  所属界别: '界别',
  所在专委会: '专委会',
  专门委员会: '专委会',
  所属专委会: '专委会',
  所属活动小组: '活动小组',
  活动组: '活动小组',
  小组: '活动小组',
  所属联系点: '联系点',
  委员联系点: '联系点',
  工作单位: '工作单位及职务',
  职务: '工作单位及职务',
  工作单位和职务: '工作单位及职务',
  手机号: '手机',
  手机号码: '手机',
  联系电话: '手机',
  常委: '是否常委',
  主席会成员: '是否主席会成员',
  届次: '届',
};

/** Columns offices add that hold nothing to import: passed over, where any other unknown column is refused. */
export const memberImportIgnoredHeaders = ['序号', '编号', '备注'] as const;

/** The 56 nationalities (民族) by their full names; a roster's 汉 is read as 汉族. */
export const ethnicGroups =
  '汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族'.split(
    ' ',
  );

/** The template's example row, told by these two cells; an import passes over a row that still holds it. */
export const memberImportExample = { 姓名: '张三', 手机: '13800000000' } as const;
/** Limit of an import file; the server also caps it at the upload limit. */
export const memberImportMaxBytes = 5 * 1024 * 1024;
/** Rows of one import file: a province's whole roster of members, 10 000, in one file. */
export const memberImportMaxRows = 10_000;

/** One problem of an import row, in `details.rows` of an IMPORT_FAILED error; `row` is the spreadsheet row number. */
export interface ImportRowIssue {
  row: number;
  column: string;
  message: string;
}
/** What an import did: members created, existing ones (matched by phone) updated, and left as they were. */
export const importResultSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const memberImportActions = codesOf(memberImportActionLabels);

/** One row of an import preview: what importing it would do, and each field it would change. */
export const memberImportPlanRowSchema = z.object({
  row: z.number(),
  name: z.string(),
  phone: z.string(),
  action: z.enum(memberImportActions),
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
});
export type MemberImportPlanRow = z.infer<typeof memberImportPlanRowSchema>;
export const memberImportPlanSchema = z.object({
  counts: importResultSchema,
  rows: z.array(memberImportPlanRowSchema),
});
export type MemberImportPlan = z.infer<typeof memberImportPlanSchema>;

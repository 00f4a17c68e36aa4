import { z } from 'zod';

/** Organisation vocabulary shared by forms, API schemas and imports. */
export const committeeLevels = ['county', 'city', 'province'] as const;
export const committeeLevelLabels: Record<(typeof committeeLevels)[number], string> = {
  county: '县（区）级',
  city: '市级',
  province: '省（区）级',
};

export const genders = ['male', 'female'] as const;
export const genderLabels: Record<(typeof genders)[number], string> = { male: '男', female: '女' };

export const memberStatuses = ['active', 'suspended', 'resigned', 'removed'] as const;
export const memberStatusLabels: Record<(typeof memberStatuses)[number], string> = {
  active: '在任',
  suspended: '暂停履职',
  resigned: '辞去委员',
  removed: '撤销资格',
};

export const contactPointKinds = ['liaisonPoint', 'receptionRoom', 'studio', 'station', 'contactStation'] as const;
export const contactPointKindLabels: Record<(typeof contactPointKinds)[number], string> = {
  liaisonPoint: '基层联系点',
  receptionRoom: '委员会客室',
  studio: '委员工作室',
  station: '委员驿站',
  contactStation: '委员联络站',
};

export const organisationProposerKinds = ['party', 'specialCommittee', 'sector', 'memberGroup'] as const;
export const organisationProposerKindLabels: Record<(typeof organisationProposerKinds)[number], string> = {
  party: '党派团体',
  specialCommittee: '专委会',
  sector: '界别',
  memberGroup: '委员活动小组',
};

/** Default lists from DOMAIN.md; committees edit their own copies. */
export const defaultSectors = [
  '中共', '民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社', '无党派人士', '共青团和青联', '工会',
  '妇联', '工商联', '科协', '台联', '侨联', '文化艺术界', '科技界', '社会科学界', '经济界', '农业界', '教育界',
  '体育界', '新闻出版界', '医药卫生界', '社会福利和社会保障界', '少数民族界', '宗教界', '特别邀请人士',
];
export const defaultSpecialCommittees = [
  '提案委员会', '经济委员会', '农业和农村委员会', '人口资源环境委员会', '教科卫体委员会', '社会和法制委员会',
  '民族宗教委员会', '文化文史和学习委员会',
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
const id = z.number().int().positive();
const optionalId = id.nullable().optional();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const mobilePhoneSchema = z.string().trim().regex(mobilePhonePattern, '手机号应为 11 位数字');

export const memberInputSchema = z
  .object({
    name: name('姓名', 20),
    gender: z.enum(genders, { error: '请选择性别' }),
    ethnicity: name('民族', 20),
    birthMonth: z.string().regex(yearMonthPattern, '出生年月格式应为 YYYY-MM'),
    party: name('党派', 20),
    sectorId: id,
    specialCommitteeIds: z
      .array(id)
      .max(maxSpecialCommitteesPerMember, `专委会最多 ${maxSpecialCommitteesPerMember} 个`)
      .default([]),
    groupId: optionalId,
    contactPointId: optionalId,
    employer: optionalText(100, '工作单位及职务'),
    phone: mobilePhoneSchema,
    isStandingMember: z.boolean().default(false),
    isLeader: z.boolean().default(false),
    termId: id,
    status: z.enum(memberStatuses).default('active'),
  })
  .strict();
export type MemberInput = z.infer<typeof memberInputSchema>;

export const termInputSchema = z
  .object({
    number: z.number().int().min(1).max(99),
    name: name('名称', 30),
    startDate: isoDate,
    endDate: isoDate,
  })
  .strict()
  .refine((t) => t.endDate > t.startDate, { message: '结束日期应晚于开始日期', path: ['endDate'] });

export const plenarySessionInputSchema = z
  .object({
    termId: id,
    number: z.number().int().min(1).max(20),
    name: name('名称', 50),
    meetingStart: isoDate,
    meetingEnd: isoDate,
    submissionOpens: isoDate,
    submissionCloses: isoDate,
  })
  .strict()
  .refine((s) => s.meetingEnd >= s.meetingStart, { message: '闭幕日期不能早于开幕日期', path: ['meetingEnd'] })
  .refine((s) => s.submissionCloses >= s.submissionOpens, {
    message: '提案截止日期不能早于开始日期',
    path: ['submissionCloses'],
  });

export const namedItemInputSchema = z
  .object({ name: name('名称'), sortOrder: z.number().int().min(0).default(0), active: z.boolean().default(true) })
  .strict();

export const memberGroupInputSchema = z
  .object({ name: name('名称'), description: optionalText(200, '说明') })
  .strict();

export const contactPointInputSchema = z
  .object({
    name: name('名称'),
    kind: z.enum(contactPointKinds),
    town: name('镇（街道）', 30),
    village: optionalText(30, '村（社区）'),
    address: optionalText(100, '地址'),
  })
  .strict();

export const staffInputSchema = z
  .object({
    name: name('姓名', 20),
    department: optionalText(50, '部门'),
    position: optionalText(50, '职务'),
    phone: mobilePhoneSchema.nullable().optional(),
  })
  .strict();

export const unitInputSchema = z
  .object({
    name: name('单位名称', 60),
    shortName: optionalText(20, '简称'),
    contactPerson: optionalText(20, '联系人'),
    contactPhone: optionalText(20, '联系电话'),
    active: z.boolean().default(true),
  })
  .strict();

export const organisationProposerInputSchema = z
  .object({
    name: name('名称', 60),
    kind: z.enum(organisationProposerKinds),
    convenerMemberId: optionalId,
  })
  .strict();

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

import { z } from 'zod';
import { codesOf } from './codes';
import { defaultTimeZone, isTimeZone } from './dates';
import { satisfactionBasisLabels } from './labels';
import { defaultSearchDictionary, searchWordSchema } from './search';
import { activityKindSchema, defaultActivityKinds, leaveApprovers } from './activities/vocabulary';

/**
 * Per-committee configuration (DOMAIN.md: locality rules are configuration with a default).
 * Stored in committees.settings; the server merges stored values over these defaults.
 * A module that needs a new setting adds a field here with its default.
 */
export const defaultProposalCategories = [
  '经济建设',
  '政治建设',
  '文化建设',
  '社会建设',
  '生态文明建设',
  '其他',
];
export const defaultRejectionGrounds = [
  '涉及党和国家秘密',
  '国家明令禁止',
  '中共党员对党内组织、人事安排的意见',
  '民主党派成员反映本组织内部问题',
  '已进入诉讼、仲裁程序',
  '学术研讨',
  '为本人或亲属解决个人问题',
  '宣传、推介具体作品或产品',
  '指名举报',
  '内容空泛、没有具体建议',
];
/** 社情民意 categories and the series adopted articles are compiled into (numbered per year). */
export const defaultOpinionCategories = [
  '经济发展',
  '社会民生',
  '生态环境',
  '城乡建设',
  '文化教育',
  '医疗卫生',
  '社会治理',
  '其他',
];
export const defaultOpinionSeries = ['社情民意', '社情民意专报'];
export const defaultAnswerCategories = [
  { code: 'A', label: '已解决或采纳' },
  { code: 'B', label: '正在解决或列入计划' },
  { code: 'C', label: '留作参考' },
];

const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);

const textList = (label: string, maxItems: number, maxLength: number) =>
  z
    .array(
      z
        .string({ error: `${label}应为文字` })
        .trim()
        .min(1, `${label}不能为空`)
        .max(maxLength, `${label}每项不超过 ${maxLength} 个字`),
      { error: `请填写${label}` },
    )
    .min(1, `${label}至少一项`)
    .max(maxItems, `${label}最多 ${maxItems} 项`)
    .refine((list) => new Set(list).size === list.length, `${label}不能重复`);

export const answerCategorySchema = z
  .object({
    code: z
      .string({ error: '请填写答复类别代码' })
      .trim()
      .regex(/^[A-Z]{1,2}$/, '答复类别代码为 1–2 个大写字母'),
    label: z
      .string({ error: '请填写答复类别名称' })
      .trim()
      .min(1, '请填写答复类别名称')
      .max(30, '答复类别名称不超过 30 个字'),
  })
  .strict();

export const satisfactionBases = codesOf(satisfactionBasisLabels);
export type SatisfactionBasis = (typeof satisfactionBases)[number];

export const settingsShape = {
  proposalContentLimit: whole('提案正文字数上限', 500, 20000),
  opinionContentLimit: whole('社情民意字数上限', 300, 10000),
  proposalCategories: textList('提案类别', 30, 20),
  opinionCategories: textList('社情民意类别', 30, 20),
  opinionSeries: textList('社情民意刊物', 10, 20),
  rejectionGrounds: textList('不予立案理由', 40, 60),
  answerCategories: z
    .array(answerCategorySchema, { error: '请填写答复类别' })
    .min(1, '答复类别至少一项')
    .max(10, '答复类别最多 10 项')
    .refine((list) => new Set(list.map((c) => c.code)).size === list.length, '答复类别代码不能重复'),
  /** 大会提案: filed from this many months before the plenary until its deadline. */
  plenaryProposalWindowMonths: whole('大会提案起算月数', 1, 12),
  handlingDeadlineMonths: whole('办理期限（月）', 1, 12),
  maxExtensionMonths: whole('延期上限（月）', 1, 24),
  acknowledgeWindowDays: whole('签收/退办期限（天）', 1, 60),
  coUnitOpinionDays: whole('协办意见期限（天）', 1, 180),
  rehandleLimit: whole('不满意重办次数', 0, 5),
  /** Proposers rate an answer within this many days of the proposal being answered. */
  ratingWindowDays: whole('评价期限（天）', 1, 180),
  /** How 满意率 and the satisfaction figures count: per proposal (件) or per proposer (人次). */
  satisfactionBasis: z.enum(satisfactionBases, { error: '请选择满意率统计口径' }),
  excellentProposalCapPercent: whole('优秀提案比例上限（%）', 1, 100),
  maxLeaveRequestsPerMeeting: whole('每次会议请假次数上限', 0, 20),
  /** Leave is asked at least this many hours before the start. */
  leaveNoticeHours: whole('请假提前时间（小时）', 0, 720),
  leaveApprover: z.enum(leaveApprovers, { error: '请选择请假审批人' }),
  /** The sign-in window: from this many minutes before the start to this many after it. */
  signInOpensMinutesBefore: whole('签到开始（开始前分钟）', 0, 24 * 60),
  signInClosesMinutesAfter: whole('签到截止（开始后分钟）', 0, 24 * 60),
  /** Signed in later than this many minutes after the start is 迟到. */
  lateAfterMinutes: whole('迟到认定（开始后分钟）', 0, 240),
  activityKinds: z
    .array(activityKindSchema, { error: '请填写活动类型' })
    .min(1, '活动类型至少一项')
    .max(60, '活动类型最多 60 项')
    .refine((list) => new Set(list.map((k) => k.code)).size === list.length, '活动类型代码不能重复')
    .refine((list) => new Set(list.map((k) => k.label)).size === list.length, '活动类型名称不能重复'),
  sessionIdleMinutes: whole('登录空闲超时（分钟）', 5, 24 * 60),
  /** Words the search segmenter must keep whole (楼小二, 有事好商量 …). */
  searchDictionary: z
    .array(searchWordSchema, { error: '请填写搜索词典' })
    .max(2000, '搜索词典最多 2000 个词')
    .refine((list) => new Set(list).size === list.length, '搜索词典中的词语不能重复'),
  /** Similar records are shown from this similarity, and flagged 疑似重复 from the second (see eval:search). */
  similarHintPercent: whole('相似提示起点（%）', 5, 95),
  duplicatePercent: whole('疑似重复相似度（%）', 10, 100),
  /**
   * Whether a member's similar-records hint also lists proposals accepted (立案目录) and opinions adopted
   * (《社情民意》) that are not theirs, by title and outcome only; off, it lists only what they may open.
   */
  similarHintListsPublished: z.boolean({ error: '请选择是否列出已立案提案和已采用信息' }),
  /** The zone every date is shown, filed and printed in. */
  timeZone: z
    .string({ error: '请选择时区' })
    .refine((name) => isTimeZone(name), '时区不正确，应如 Asia/Shanghai'),
  /** 双向评议 grades: 优秀 ≥ excellent, 良好 ≥ good, 一般 ≥ fair, else 较差. */
  evaluationGradeThresholds: z
    .object({
      excellent: whole('优秀分数线', 1, 100),
      good: whole('良好分数线', 1, 100),
      fair: whole('一般分数线', 1, 100),
    })
    .strict()
    .refine((t) => t.excellent > t.good && t.good > t.fair, '分数线应满足 优秀 > 良好 > 一般'),
};

export const committeeSettingsSchema = z
  .object(settingsShape)
  .strict()
  .refine((s) => s.maxExtensionMonths >= s.handlingDeadlineMonths, {
    message: '延期上限不能短于办理期限',
    path: ['maxExtensionMonths'],
  })
  .refine((s) => s.signInClosesMinutesAfter >= s.lateAfterMinutes, {
    message: '签到截止不能早于迟到认定时间',
    path: ['signInClosesMinutesAfter'],
  })
  .refine((s) => s.duplicatePercent > s.similarHintPercent, {
    message: '疑似重复相似度应高于相似提示起点',
    path: ['duplicatePercent'],
  });
export type CommitteeSettings = z.infer<typeof committeeSettingsSchema>;
export type SettingKey = keyof CommitteeSettings;

export const defaultSettings: CommitteeSettings = {
  proposalContentLimit: 3000,
  opinionContentLimit: 1500,
  proposalCategories: defaultProposalCategories,
  opinionCategories: defaultOpinionCategories,
  opinionSeries: defaultOpinionSeries,
  rejectionGrounds: defaultRejectionGrounds,
  answerCategories: defaultAnswerCategories,
  plenaryProposalWindowMonths: 3,
  handlingDeadlineMonths: 3,
  maxExtensionMonths: 6,
  acknowledgeWindowDays: 7,
  coUnitOpinionDays: 30,
  rehandleLimit: 1,
  ratingWindowDays: 30,
  satisfactionBasis: 'lead',
  excellentProposalCapPercent: 5,
  maxLeaveRequestsPerMeeting: 2,
  leaveNoticeHours: 24,
  leaveApprover: 'liaisonStaff',
  signInOpensMinutesBefore: 30,
  signInClosesMinutesAfter: 60,
  lateAfterMinutes: 0,
  activityKinds: defaultActivityKinds,
  sessionIdleMinutes: 30,
  searchDictionary: defaultSearchDictionary,
  // Chosen on the labelled set (npm run eval:search): from 15% a pair is a duplicate at precision 0.9 on
  // the half it was tuned on; below 8% nearly everything shares a few words.
  similarHintPercent: 8,
  duplicatePercent: 16,
  similarHintListsPublished: true,
  timeZone: defaultTimeZone,
  evaluationGradeThresholds: { excellent: 90, good: 75, fair: 60 },
};

export const settingLabels: Record<SettingKey, string> = {
  proposalContentLimit: '提案正文字数上限',
  opinionContentLimit: '社情民意字数上限',
  proposalCategories: '提案类别',
  opinionCategories: '社情民意类别',
  opinionSeries: '社情民意刊物（期刊名称）',
  rejectionGrounds: '不予立案理由',
  answerCategories: '答复类别',
  plenaryProposalWindowMonths: '大会提案起算月数',
  handlingDeadlineMonths: '办理期限（月）',
  maxExtensionMonths: '延期上限（月）',
  acknowledgeWindowDays: '签收/退办期限（天）',
  coUnitOpinionDays: '协办意见期限（天）',
  rehandleLimit: '不满意重办次数',
  ratingWindowDays: '评价期限（天）',
  satisfactionBasis: '满意率统计口径',
  excellentProposalCapPercent: '优秀提案比例上限（%）',
  maxLeaveRequestsPerMeeting: '每次会议请假次数上限',
  leaveNoticeHours: '请假提前时间（小时）',
  leaveApprover: '请假审批人',
  signInOpensMinutesBefore: '签到开始（开始前分钟）',
  signInClosesMinutesAfter: '签到截止（开始后分钟）',
  lateAfterMinutes: '迟到认定（开始后分钟）',
  activityKinds: '活动类型',
  sessionIdleMinutes: '登录空闲超时（分钟）',
  searchDictionary: '搜索词典',
  similarHintPercent: '相似提示起点（%）',
  duplicatePercent: '疑似重复相似度（%）',
  similarHintListsPublished: '相似提示列出他人已立案提案和已采用信息',
  timeZone: '时区',
  evaluationGradeThresholds: '双向评议等级分数线',
};

/** PUT /api/settings replaces the whole configuration. */
export const updateSettingsBody = committeeSettingsSchema;

/** GET and PUT /api/settings: the committee's settings, the built-in defaults, and the caller's abilities. */
export const settingsResponseSchema = z.object({
  settings: z.object(settingsShape),
  defaults: z.object(settingsShape),
  policies: z.record(z.string(), z.boolean()),
});
export type SettingsDto = z.infer<typeof settingsResponseSchema>;

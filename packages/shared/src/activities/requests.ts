import { z } from 'zod';
import { codesOf } from '../codes';
import { optionalText, requiredText, versionField } from '../fields';
import { recordId, recordIdParam } from '../ids';
import { activityListViewLabels } from '../labels';
import { listQuerySchema } from '../organisation';
import { activityStates, leaveStates } from './workflow';
import {
  activityCategories,
  activityOrganiserTypes,
  activityTopicMax,
  attendanceResults,
  signInCodeLength,
} from './vocabulary';

/** Activity request schemas, one per endpoint. */

const id = recordId;
const version = versionField;
const ids = (label: string, max: number) =>
  z
    .array(id)
    .max(max, `${label}最多 ${max} 个`)
    .refine((list) => new Set(list).size === list.length, `${label}不能重复`);
const dateTime = (label: string) => z.iso.datetime({ offset: true, error: `请填写${label}（日期和时间）` });
const count = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负`)
    .max(100000, `${label}过大`);

/** Whom to invite: any mix of named members, groups, sectors, special committees, all 常委, all leaders, everyone. */
export const inviteeSelectionSchema = z
  .object({
    memberIds: ids('委员', 1000).default([]),
    groupIds: ids('活动小组', 50).default([]),
    sectorIds: ids('界别', 60).default([]),
    specialCommitteeIds: ids('专委会', 30).default([]),
    standing: z.boolean().default(false),
    leaders: z.boolean().default(false),
    all: z.boolean().default(false),
  })
  .strict();
export type InviteeSelection = z.infer<typeof inviteeSelectionSchema>;

const activityFields = {
  kind: z.string({ error: '请选择活动类型' }).min(1, '请选择活动类型').max(40, '活动类型不正确'),
  topic: requiredText('活动主题', activityTopicMax),
  organiserType: z.enum(activityOrganiserTypes, { error: '请选择组织方' }),
  /** The special committee, group or contact point; none when the committee's office organises it. */
  organiserId: id.nullable().default(null),
  startsAt: dateTime('开始时间'),
  endsAt: dateTime('结束时间'),
  place: requiredText('地点', 100),
  agenda: optionalText('议程', 5000),
  /** Departments and others taking part (not members). */
  otherParticipants: optionalText('其他参加单位', 500),
  residentCount: count('参加群众人数').default(0),
  otherCount: count('其他参加人数').default(0),
  attachmentIds: ids('附件', 20).default([]),
  residentIssue: optionalText('群众反映的问题', 2000),
  issueResolved: z.boolean({ error: '请选择问题是否解决' }).nullable().default(null),
  visitedCount: count('走访人次').nullable().default(null),
  leaderInstructions: optionalText('领导批示', 2000),
  /** The item of the annual consultation plan this activity carries out. */
  planItemId: id.nullable().default(null),
};

const startBeforeEnd = (a: { startsAt?: string; endsAt?: string }) =>
  !a.startsAt || !a.endsAt || Date.parse(a.startsAt) < Date.parse(a.endsAt);
const endMessage = { message: '结束时间应晚于开始时间', path: ['endsAt'] };

export const createActivityBody = z
  .object({
    ...activityFields,
    /** Invitees besides the kind's default ones (全体会议 → 全体委员 …). */
    invite: inviteeSelectionSchema.optional(),
    /** Whether the kind's default invitees are invited. */
    inviteDefault: z.boolean().default(true),
    /** Whether attendance at this activity is obliged for the invitees. */
    mandatory: z.boolean().default(true),
  })
  .strict()
  .refine(startBeforeEnd, endMessage);
export type CreateActivityInput = z.infer<typeof createActivityBody>;

export const updateActivityBody = z
  .object({
    topic: activityFields.topic.optional(),
    organiserType: activityFields.organiserType.optional(),
    organiserId: id.nullable().optional(),
    startsAt: activityFields.startsAt.optional(),
    endsAt: activityFields.endsAt.optional(),
    place: activityFields.place.optional(),
    agenda: activityFields.agenda,
    otherParticipants: activityFields.otherParticipants,
    residentCount: count('参加群众人数').optional(),
    otherCount: count('其他参加人数').optional(),
    minutes: optionalText('会议纪要', 20000),
    attachmentIds: ids('附件', 20).optional(),
    residentIssue: activityFields.residentIssue,
    issueResolved: z.boolean({ error: '请选择问题是否解决' }).nullable().optional(),
    visitedCount: count('走访人次').nullable().optional(),
    leaderInstructions: activityFields.leaderInstructions,
    planItemId: id.nullable().optional(),
    version,
  })
  .strict()
  .refine(startBeforeEnd, endMessage);
export type UpdateActivityInput = z.infer<typeof updateActivityBody>;

export const activityVersionBody = z.object({ version }).strict();
export const inviteBody = z
  .object({ selection: inviteeSelectionSchema, mandatory: z.boolean().default(true), version })
  .strict();
export const removeInvitationBody = z
  .object({ memberIds: ids('委员', 1000).min(1, '请选择要取消邀请的委员'), version })
  .strict();
/** Staff mark or correct results; a correction of a result already set needs a reason (kept in the audit log). */
export const markAttendanceBody = z
  .object({
    entries: z
      .array(
        z
          .object({ memberId: id, attendance: z.enum(attendanceResults, { error: '请选择出席情况' }) })
          .strict(),
      )
      .min(1, '请选择要登记的委员')
      .max(1000, '一次最多登记 1000 人'),
    reason: optionalText('更正理由', 200),
    version,
  })
  .strict();
/** What an activity produced, recorded while it runs or after it closed. */
export const recordOutcomeBody = z
  .object({
    minutes: optionalText('会议纪要', 20000),
    attachmentIds: ids('附件', 20).optional(),
    residentIssue: activityFields.residentIssue,
    issueResolved: z.boolean({ error: '请选择问题是否解决' }).nullable().optional(),
    visitedCount: count('走访人次').nullable().optional(),
    leaderInstructions: activityFields.leaderInstructions,
    version,
  })
  .strict();
export type RecordOutcomeInput = z.infer<typeof recordOutcomeBody>;
export const closeActivityBody = z.object({ minutes: optionalText('会议纪要', 20000), version }).strict();
export const reopenActivityBody = z.object({ reason: requiredText('重新打开的理由', 200), version }).strict();
export const cancelActivityBody = z.object({ reason: requiredText('取消理由', 200), version }).strict();

/** A member's 参加; 请假 is a leave request (requestLeaveBody). */
export const replyInvitationBody = z.object({}).strict();
export const requestLeaveBody = z.object({ reason: requiredText('请假理由', 200) }).strict();
export const decideLeaveBody = z.object({ note: optionalText('审批意见', 200), version }).strict();
export const refuseLeaveBody = z.object({ note: requiredText('不准假的理由', 200), version }).strict();

/** Only the code: a member signs in for themself, never for someone named in the body. */
export const signInBody = z
  .object({
    code: z
      .string({ error: '请输入签到码' })
      .trim()
      .regex(new RegExp(`^\\d{${signInCodeLength}}$`), `签到码为 ${signInCodeLength} 位数字`),
    /** How the code reached the form: typed, or from the scanned QR code. */
    via: z.enum(['code', 'qr']).default('code'),
  })
  .strict();

export const activityListViews = codesOf(activityListViewLabels);
const dateQuery = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .optional();
export const listActivitiesQuery = listQuerySchema
  .extend({
    view: z.enum(activityListViews).default('all'),
    kind: z.string().max(40).optional(),
    category: z.enum(activityCategories).optional(),
    state: z.enum(activityStates).optional(),
    organiserType: z.enum(activityOrganiserTypes).optional(),
    /** Days in the committee's zone, both included. */
    from: dateQuery,
    to: dateQuery,
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    /** 有事好商量 whose residents' issue was resolved. */
    issueResolved: z
      .enum(['true'], { error: '应为 true' })
      .transform(() => true)
      .optional(),
    planItemId: recordIdParam.optional(),
    sort: z.enum(['startsAt', 'topic', 'kind']).optional(),
  })
  .strict();
export type ListActivitiesQuery = z.infer<typeof listActivitiesQuery>;

/** Attendance rows (one per invitation) across activities: the attendance report and the figures' lists. */
export const listAttendanceQuery = listQuerySchema
  .extend({
    activityId: recordIdParam.optional(),
    memberId: recordIdParam.optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    kind: z.string().max(40).optional(),
    attendance: z.enum(attendanceResults).optional(),
    /** Only the invitations the member was obliged to attend. */
    mandatory: z
      .enum(['true', 'false'], { error: '应为 true 或 false' })
      .transform((v) => v === 'true')
      .optional(),
    /** Only closed activities, whose results are final. */
    final: z
      .enum(['true'], { error: '应为 true' })
      .transform(() => true)
      .optional(),
    /** `attended` = 出席、迟到、早退 together. */
    outcome: z.enum(['attended']).optional(),
    sort: z.enum(['startsAt', 'memberName']).optional(),
  })
  .strict();
export type ListAttendanceQuery = z.infer<typeof listAttendanceQuery>;

export const activityFiguresQuery = z
  .object({ year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();

export const listLeaveQuery = listQuerySchema
  .extend({
    state: z.enum(leaveStates).optional(),
    activityId: recordIdParam.optional(),
    /** The soonest activity first. */
    sort: z.enum(['startsAt']).optional(),
  })
  .strict();

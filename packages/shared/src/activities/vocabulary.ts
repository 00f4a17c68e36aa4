import { z } from 'zod';
import { codesOf } from '../codes';
import {
  activityCategoryLabels,
  activityOrganiserTypeLabels,
  attendanceLabels,
  invitationReplyLabels,
  leaveApproverLabels,
  signInMethodLabels,
} from '../labels';

/** Activity vocabulary: kinds (committee setting), organisers, replies, attendance, sign-in. */

export const activityCategories = codesOf(activityCategoryLabels);
export type ActivityCategory = (typeof activityCategories)[number];
export const activityOrganiserTypes = codesOf(activityOrganiserTypeLabels);
export type ActivityOrganiserType = (typeof activityOrganiserTypes)[number];
export const invitationReplies = codesOf(invitationReplyLabels);
export type InvitationReply = (typeof invitationReplies)[number];
export const attendanceResults = codesOf(attendanceLabels);
export type AttendanceResult = (typeof attendanceResults)[number];
/** Results that count as having taken part. */
export const attendedResults: readonly AttendanceResult[] = ['present', 'late', 'leftEarly'];
export const signInMethods = codesOf(signInMethodLabels);
export type SignInMethod = (typeof signInMethods)[number];
export const leaveApprovers = codesOf(leaveApproverLabels);

/** Who a kind invites by default when an activity of it is created. */
export const defaultInviteeLabels = {
  none: '不自动邀请',
  all: '全体委员',
  standing: '全体常委',
  leaders: '主席会议成员',
} as const;
export const defaultInviteeGroups = codesOf(defaultInviteeLabels);

/** The duty record attending an activity of a kind yields. */
export const activityDutyLabels = {
  'activity.attended': '参加履职活动',
  'service.volunteer': '志愿服务',
  none: '不记入履职',
} as const;
export const activityDutyKinds = codesOf(activityDutyLabels);

export const activityKindSchema = z
  .object({
    code: z
      .string({ error: '请填写活动类型代码' })
      .regex(/^[a-zA-Z][a-zA-Z0-9]{1,39}$/, '活动类型代码为 2–40 位字母或数字，以字母开头'),
    label: z
      .string({ error: '请填写活动类型名称' })
      .trim()
      .min(1, '请填写活动类型名称')
      .max(20, '活动类型名称不超过 20 个字'),
    category: z.enum(activityCategories, { error: '请选择活动类别' }),
    tracksAttendance: z.boolean({ error: '请选择是否考勤' }),
    yields: z.enum(activityDutyKinds, { error: '请选择记入的履职类型' }),
    defaultInvitees: z.enum(defaultInviteeGroups, { error: '请选择默认邀请范围' }),
  })
  .strict();
export type ActivityKind = z.infer<typeof activityKindSchema>;

const kind = (
  code: string,
  label: string,
  category: ActivityCategory,
  o: Partial<Pick<ActivityKind, 'tracksAttendance' | 'yields' | 'defaultInvitees'>> = {},
): ActivityKind => ({
  code,
  label,
  category,
  tracksAttendance: o.tracksAttendance ?? true,
  yields: o.yields ?? 'activity.attended',
  defaultInvitees: o.defaultInvitees ?? 'none',
});

/** DOMAIN.md "Activities": the kinds a committee starts with; the setting `activityKinds` holds its own. */
export const defaultActivityKinds: ActivityKind[] = [
  kind('plenary', '全体会议', 'meeting', { defaultInvitees: 'all' }),
  kind('standingMeeting', '常委会会议', 'meeting', { defaultInvitees: 'standing' }),
  kind('chairMeeting', '主席会议', 'meeting', { defaultInvitees: 'leaders' }),
  kind('topicalStandingMeeting', '专题议政性常委会议', 'consultation', { defaultInvitees: 'standing' }),
  kind('topicalConsultation', '专题协商会', 'consultation'),
  kind('counterpartConsultation', '对口协商会', 'consultation'),
  kind('sectorConsultation', '界别协商', 'consultation'),
  kind('proposalConsultation', '提案办理协商会', 'consultation'),
  kind('consultationForum', '协商座谈会', 'consultation'),
  kind('grassrootsConsultation', '有事好商量', 'grassroots'),
  kind('inspection', '视察', 'inspection'),
  kind('research', '调研', 'research'),
  kind('supervision', '民主监督', 'supervision'),
  kind('training', '专题培训', 'training'),
  kind('lecture', '委员大讲堂', 'training'),
  kind('study', '学习研讨', 'training'),
  kind('reading', '读书活动', 'reading'),
  kind('visit', '走访', 'visit'),
  kind('sectorActivity', '界别活动', 'sector'),
  kind('volunteer', '志愿公益服务', 'service', { yields: 'service.volunteer' }),
];

export const activityTopicMax = 80;
/** A sign-in code changes every this many seconds (a photo of it sent away stops working). */
export const signInCodePeriodSeconds = 30;
/** A code typed just after it changed is still taken for this many seconds. */
export const signInCodeGraceSeconds = 10;
export const signInCodeLength = 6;
/** How an activity of a kind since removed from the committee's setting is labelled. */
export const activityKindLabelFallback = '其他活动';

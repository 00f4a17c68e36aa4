import { z } from 'zod';
import { pageSchema, policiesSchema, timelineEntrySchema } from '../organisation';
import { leaveStates, activityStates } from './workflow';
import {
  activityCategories,
  activityOrganiserTypes,
  attendanceResults,
  invitationReplies,
  signInMethods,
} from './vocabulary';

/** Activity response DTOs: the server's presenters produce exactly these. */

const isoOrNull = z.string().nullable();

/** The viewer's own invitation, on lists and the detail. */
export const myInvitationSchema = z.object({
  mandatory: z.boolean(),
  reply: z.enum(invitationReplies),
  replyLabel: z.string(),
  attendance: z.enum(attendanceResults).nullable(),
  attendanceLabel: z.string().nullable(),
  signedInAt: isoOrNull,
  leaveState: z.enum(leaveStates).nullable(),
  leaveStateLabel: z.string().nullable(),
});

export const activityListItemSchema = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  category: z.enum(activityCategories),
  topic: z.string(),
  organiserType: z.enum(activityOrganiserTypes),
  organiserName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  state: z.enum(activityStates),
  stateLabel: z.string(),
  invitedCount: z.number(),
  /** 出席、迟到、早退 (signed in so far while it runs; final once closed). */
  attendedCount: z.number(),
  leaveCount: z.number(),
  mine: myInvitationSchema.nullable(),
  version: z.number(),
});
export type ActivityListItem = z.infer<typeof activityListItemSchema>;
/** The page, with the totals over every matching activity of the counts figures sum (人次). */
export const activityPageSchema = pageSchema(activityListItemSchema).extend({
  sums: z.object({ residentCount: z.number(), visitedCount: z.number() }),
});

export const leaveRequestSchema = z.object({
  id: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  reason: z.string(),
  state: z.enum(leaveStates),
  stateLabel: z.string(),
  decisionNote: z.string().nullable(),
  decidedByName: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: isoOrNull,
  version: z.number(),
  policies: policiesSchema,
});
export type LeaveRequestDto = z.infer<typeof leaveRequestSchema>;

/** One invitee's row of the roster. */
export const invitationSchema = z.object({
  memberId: z.number(),
  memberName: z.string(),
  sectorName: z.string(),
  groupName: z.string().nullable(),
  mandatory: z.boolean(),
  reply: z.enum(invitationReplies),
  replyLabel: z.string(),
  signedInAt: isoOrNull,
  signInMethod: z.enum(signInMethods).nullable(),
  signInMethodLabel: z.string().nullable(),
  attendance: z.enum(attendanceResults).nullable(),
  attendanceLabel: z.string().nullable(),
  /** The result closing would give now: the mark, else 请假 (leave approved) or 缺席. */
  expectedAttendance: z.enum(attendanceResults),
  expectedAttendanceLabel: z.string(),
  leaveState: z.enum(leaveStates).nullable(),
});
export type InvitationDto = z.infer<typeof invitationSchema>;

export const attendanceSummarySchema = z.object({
  invited: z.number(),
  mandatory: z.number(),
  replied: z.number(),
  signedIn: z.number(),
  /** Per result, as closing would count now (final once closed). */
  byResult: z.record(z.enum(attendanceResults), z.number()),
});

export const activityDetailSchema = activityListItemSchema.extend({
  organiserId: z.number().nullable(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  otherParticipants: z.string().nullable(),
  residentCount: z.number(),
  otherCount: z.number(),
  residentIssue: z.string().nullable(),
  issueResolved: z.boolean().nullable(),
  visitedCount: z.number().nullable(),
  leaderInstructions: z.string().nullable(),
  planItemId: z.number().nullable(),
  tracksAttendance: z.boolean(),
  attachments: z.array(z.object({ id: z.number(), fileName: z.string(), size: z.number() })),
  attachmentIds: z.array(z.number()),
  signInWindow: z.object({ opensAt: z.string(), closesAt: z.string(), open: z.boolean() }),
  /** The latest a member may ask for leave. */
  leaveDeadline: z.string(),
  /** Staff see every invitee; a member sees their own row only. */
  invitations: z.array(invitationSchema),
  leaveRequests: z.array(leaveRequestSchema),
  summary: attendanceSummarySchema,
  cancelReason: z.string().nullable(),
  closedAt: isoOrNull,
  timeline: z.array(timelineEntrySchema),
  policies: policiesSchema,
});
export type ActivityDetail = z.infer<typeof activityDetailSchema>;

/** The code shown on the projector page; it changes every 30 seconds. */
export const signInCodeSchema = z.object({
  code: z.string(),
  /** When this code stops being shown. */
  expiresAt: z.string(),
  windowOpensAt: z.string(),
  windowClosesAt: z.string(),
  open: z.boolean(),
  signedIn: z.number(),
  invited: z.number(),
});
export type SignInCodeDto = z.infer<typeof signInCodeSchema>;

/** One invitation across activities: the attendance report and the lists behind the figures. */
export const attendanceRowSchema = z.object({
  activityId: z.number(),
  topic: z.string(),
  kindLabel: z.string(),
  startsAt: z.string(),
  activityState: z.enum(activityStates),
  memberId: z.number(),
  memberName: z.string(),
  sectorName: z.string(),
  mandatory: z.boolean(),
  attendance: z.enum(attendanceResults).nullable(),
  attendanceLabel: z.string().nullable(),
  signedInAt: isoOrNull,
});
export const attendancePageSchema = pageSchema(attendanceRowSchema);

export const activityFormOptionsSchema = z.object({
  kinds: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      category: z.enum(activityCategories),
      tracksAttendance: z.boolean(),
      defaultInvitees: z.string(),
    }),
  ),
  organisers: z.array(
    z.object({ type: z.enum(activityOrganiserTypes), id: z.number().nullable(), name: z.string() }),
  ),
  leaveNoticeHours: z.number(),
  maxLeaveRequestsPerMeeting: z.number(),
});
export type ActivityFormOptions = z.infer<typeof activityFormOptionsSchema>;

/** A leave request in the approver's queue, with its activity. */
export const leaveQueueItemSchema = leaveRequestSchema.extend({
  activityId: z.number(),
  activityTopic: z.string(),
  activityKindLabel: z.string(),
  activityStartsAt: z.string(),
});
export const leaveQueuePageSchema = pageSchema(leaveQueueItemSchema);

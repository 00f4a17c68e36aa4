import {
  activityCommands,
  activityVersionBody,
  cancelActivityBody,
  closeActivityBody,
  decideLeaveBody,
  inviteBody,
  leaveCommands,
  markAttendanceBody,
  refuseLeaveBody,
  removeInvitationBody,
  reopenActivityBody,
  recordOutcomeBody,
  adoptSuggestionBody,
  declineSpeechBody,
  declineSuggestionBody,
  implementSuggestionBody,
  readingNoteCommands,
  readingNoteVersionBody,
  reopenSuggestionBody,
  returnReadingNoteBody,
  sendSuggestionBody,
  speechCommands,
  speechVersionBody,
  suggestionCommands,
} from './activities';
import { defineCommandRoutes, type CommandKey, type CommandRequest } from './workflow-commands';

/** The activity workflow's command routes, `POST /api/activities/:id/<path>`; `update` is the PATCH. */
export const activityCommandRoutes = defineCommandRoutes(activityCommands, {
  invite: { path: 'invite', summary: '邀请委员', body: inviteBody },
  removeInvitation: { path: 'remove-invitation', summary: '取消邀请', body: removeInvitationBody },
  publish: { path: 'publish', summary: '发布活动（向被邀请委员发出通知）', body: activityVersionBody },
  markAttendance: { path: 'attendance', summary: '登记或更正出席情况', body: markAttendanceBody },
  recordOutcome: {
    path: 'outcome',
    summary: '登记活动成果（纪要、报告、批示、问题解决情况、走访人次）',
    body: recordOutcomeBody,
  },
  close: { path: 'close', summary: '结束活动（出席情况定稿，记入履职档案）', body: closeActivityBody },
  reopen: { path: 'reopen', summary: '重新打开已结束的活动', body: reopenActivityBody },
  cancel: { path: 'cancel', summary: '取消活动', body: cancelActivityBody },
});
export type ActivityCommandRoutes = typeof activityCommandRoutes;
export type ActivityCommandKey = CommandKey<ActivityCommandRoutes>;
export type ActivityCommandRequest = CommandRequest<ActivityCommandRoutes>;

/** Commands on a leave request, `POST /api/activity-leave/:id/<path>`. */
export const leaveCommandRoutes = defineCommandRoutes(leaveCommands, {
  approve: { path: 'approve', summary: '准假', body: decideLeaveBody },
  refuse: { path: 'refuse', summary: '不准假', body: refuseLeaveBody },
  withdraw: { path: 'withdraw', summary: '撤回请假', body: activityVersionBody },
});
export type LeaveCommandRoutes = typeof leaveCommandRoutes;

/** Commands on a suggestion, `POST /api/activity-suggestions/:id/<path>`; `update` is the PATCH. */
export const suggestionCommandRoutes = defineCommandRoutes(suggestionCommands, {
  send: { path: 'send', summary: '报送意见建议（选定部门和反馈期限）', body: sendSuggestionBody },
  adopt: { path: 'adopt', summary: '登记采纳情况', body: adoptSuggestionBody },
  decline: { path: 'decline', summary: '登记未采纳', body: declineSuggestionBody },
  implement: { path: 'implement', summary: '登记落实情况（成果转化）', body: implementSuggestionBody },
  reopen: { path: 'reopen', summary: '撤回上一步登记', body: reopenSuggestionBody },
});
export type SuggestionCommandRoutes = typeof suggestionCommandRoutes;

/** Commands on a speech, `POST /api/activity-speeches/:id/<path>`. */
export const speechCommandRoutes = defineCommandRoutes(speechCommands, {
  accept: { path: 'accept', summary: '收录发言', body: speechVersionBody },
  decline: { path: 'decline', summary: '不予收录', body: declineSpeechBody },
  select: { path: 'select', summary: '选为大会口头发言', body: speechVersionBody },
  unselect: { path: 'unselect', summary: '取消大会口头发言', body: speechVersionBody },
  withdraw: { path: 'withdraw', summary: '撤回发言', body: speechVersionBody },
});
export type SpeechCommandRoutes = typeof speechCommandRoutes;

/** Commands on a reading note, `POST /api/reading-notes/:id/<path>`. */
export const readingNoteCommandRoutes = defineCommandRoutes(readingNoteCommands, {
  returnNote: { path: 'return', summary: '退回读书笔记（不计入履职）', body: returnReadingNoteBody },
  withdraw: { path: 'withdraw', summary: '撤回读书笔记', body: readingNoteVersionBody },
});
export type ReadingNoteCommandRoutes = typeof readingNoteCommandRoutes;

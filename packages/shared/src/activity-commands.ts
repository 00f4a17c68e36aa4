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
} from './activities';
import { defineCommandRoutes, type CommandKey, type CommandRequest } from './workflow-commands';

/** The activity workflow's command routes, `POST /api/activities/:id/<path>`; `update` is the PATCH. */
export const activityCommandRoutes = defineCommandRoutes(activityCommands, {
  invite: { path: 'invite', summary: '邀请委员', body: inviteBody },
  removeInvitation: { path: 'remove-invitation', summary: '取消邀请', body: removeInvitationBody },
  publish: { path: 'publish', summary: '发布活动（向被邀请委员发出通知）', body: activityVersionBody },
  markAttendance: { path: 'attendance', summary: '登记或更正出席情况', body: markAttendanceBody },
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

import { z } from 'zod';
import {
  activityCommandRoutes,
  activityDetailSchema,
  activityFiguresQuery,
  activityFiguresSchema,
  activityFormOptionsSchema,
  activityPageSchema,
  attendancePageSchema,
  createActivityBody,
  idParams,
  leaveCommandRoutes,
  leaveQueuePageSchema,
  listActivitiesQuery,
  listAttendanceQuery,
  listLeaveQuery,
  myAttendanceSchema,
  replyInvitationBody,
  requestLeaveBody,
  signInBody,
  signInCodeSchema,
  updateActivityBody,
  type ActivityCommandRoutes,
  type CommandHandlers,
  type LeaveCommandRoutes,
} from '@cppcc/shared';
import type { AppInstance } from '../../app';
import type { ServiceContext } from '../../lib/actor';
import { documentedAs } from '../../lib/api-docs';
import { registerCommandRoutes } from '../../lib/command-routes';
import { serviceContext } from '../../lib/request-context';
import { sendDocx } from '../../lib/word';
import { sendXlsx } from '../../lib/xlsx';
import { replyAttending, requestLeave, signIn } from './commands/attend';
import { approveLeave, refuseLeave, withdrawLeave } from './commands/leave';
import {
  cancelActivity,
  closeActivity,
  inviteMembers,
  markAttendance,
  publishActivity,
  removeInvitations,
  reopenActivity,
} from './commands/run-activity';
import { createActivity, recordActivityOutcome, updateActivity } from './commands/write-activity';
import {
  composeActivityAttendance,
  composeActivityExport,
  composeAttendanceExport,
  composeSignInSheet,
} from './documents';
import { activityFigures } from './figures';
import { activityFormOptions } from './options';
import { presentActivity, readActivity } from './presenter';
import { listActivities, listAttendance, listLeaveRequests, myAttendance } from './queries';
import { signInCodeOf } from './sign-in-screen';
import type { ActivityRow, LeaveRow } from './workflow';

const doc = documentedAs('activities');
const fileResponse = { 200: z.any() };

/** Activity API: lists, detail, the staff's command POSTs, what invitees do, leave, figures and documents. */
export async function activityRoutes(app: AppInstance) {
  app.get(
    '/activities',
    doc('活动列表（全部，或我的活动）', {
      querystring: listActivitiesQuery,
      response: { 200: activityPageSchema },
    }),
    async (req) => listActivities(serviceContext(req), req.query),
  );
  app.get(
    '/activities/export.xlsx',
    doc('导出活动列表（与列表相同的筛选条件）', { querystring: listActivitiesQuery, response: fileResponse }),
    async (req, reply) => {
      const { fileName, content } = await composeActivityExport(serviceContext(req), req.query);
      return sendXlsx(reply, fileName, content);
    },
  );
  app.get(
    '/activities/form-options',
    doc('活动表单选项（活动类型、组织方、请假规则）', { response: { 200: activityFormOptionsSchema } }),
    async (req) => activityFormOptions(serviceContext(req)),
  );
  app.get(
    '/activities/figures',
    doc('活动统计（年度）', { querystring: activityFiguresQuery, response: { 200: activityFiguresSchema } }),
    async (req) => activityFigures(serviceContext(req), req.query),
  );
  app.get(
    '/activities/my-attendance',
    doc('我的出勤（年度）', { querystring: activityFiguresQuery, response: { 200: myAttendanceSchema } }),
    async (req) => myAttendance(serviceContext(req), req.query),
  );
  app.post(
    '/activities',
    doc('新建活动（筹备中）', { body: createActivityBody, response: { 201: activityDetailSchema } }),
    async (req, reply) => {
      const ctx = serviceContext(req);
      return reply.status(201).send(await presentActivity(ctx, await createActivity(ctx, req.body)));
    },
  );
  app.get(
    '/activities/:id',
    doc('活动详情', { params: idParams, response: { 200: activityDetailSchema } }),
    async (req) => readActivity(serviceContext(req), req.params.id),
  );
  app.patch(
    '/activities/:id',
    doc('修改活动（结束前）', {
      params: idParams,
      body: updateActivityBody,
      response: { 200: activityDetailSchema },
    }),
    async (req) => {
      const ctx = serviceContext(req);
      return presentActivity(ctx, await updateActivity(ctx, req.params.id, req.body));
    },
  );
  const handlers: CommandHandlers<ActivityCommandRoutes, ServiceContext, ActivityRow> = {
    invite: inviteMembers,
    removeInvitation: removeInvitations,
    publish: publishActivity,
    markAttendance,
    recordOutcome: recordActivityOutcome,
    close: closeActivity,
    reopen: reopenActivity,
    cancel: cancelActivity,
  };
  registerCommandRoutes(app, {
    resource: '/activities',
    tag: 'activities',
    routes: activityCommandRoutes,
    handlers,
    response: activityDetailSchema,
    present: presentActivity,
  });

  // What an invitee does on their own invitation.
  app.post(
    '/activities/:id/reply',
    doc('回复参加', { params: idParams, body: replyInvitationBody, response: { 200: activityDetailSchema } }),
    async (req) => {
      const ctx = serviceContext(req);
      return presentActivity(ctx, await replyAttending(ctx, req.params.id));
    },
  );
  app.post(
    '/activities/:id/leave',
    doc('请假（写明理由，待审批）', {
      params: idParams,
      body: requestLeaveBody,
      response: { 200: activityDetailSchema },
    }),
    async (req) => {
      const ctx = serviceContext(req);
      return presentActivity(ctx, await requestLeave(ctx, req.params.id, req.body));
    },
  );
  app.post(
    '/activities/:id/sign-in',
    doc('签到（输入或扫描现场签到码）', {
      params: idParams,
      body: signInBody,
      response: { 200: activityDetailSchema },
    }),
    async (req) => {
      const ctx = serviceContext(req);
      return presentActivity(ctx, await signIn(ctx, req.params.id, req.body));
    },
  );
  app.get(
    '/activities/:id/sign-in-code',
    doc('当前签到码（每 30 秒更换，供签到屏显示）', {
      params: idParams,
      response: { 200: signInCodeSchema },
    }),
    async (req) => signInCodeOf(serviceContext(req), req.params.id),
  );
  app.get(
    '/activities/:id/sign-in-sheet.docx',
    doc('签到表（Word）', { params: idParams, response: fileResponse }),
    async (req, reply) => sendDocx(reply, await composeSignInSheet(serviceContext(req), req.params.id)),
  );
  app.get(
    '/activities/:id/attendance.xlsx',
    doc('出勤表（Excel）', { params: idParams, response: fileResponse }),
    async (req, reply) => {
      const { fileName, content } = await composeActivityAttendance(serviceContext(req), req.params.id);
      return sendXlsx(reply, fileName, content);
    },
  );

  app.get(
    '/activity-attendance',
    doc('出勤记录（每位被邀请委员一行）', {
      querystring: listAttendanceQuery,
      response: { 200: attendancePageSchema },
    }),
    async (req) => listAttendance(serviceContext(req), req.query),
  );
  app.get(
    '/activity-attendance/export.xlsx',
    doc('导出出勤记录（与列表相同的筛选条件）', { querystring: listAttendanceQuery, response: fileResponse }),
    async (req, reply) => {
      const { fileName, content } = await composeAttendanceExport(serviceContext(req), req.query);
      return sendXlsx(reply, fileName, content);
    },
  );

  app.get(
    '/activity-leave',
    doc('请假审批列表', { querystring: listLeaveQuery, response: { 200: leaveQueuePageSchema } }),
    async (req) => listLeaveRequests(serviceContext(req), req.query),
  );
  const leaveHandlers: CommandHandlers<LeaveCommandRoutes, ServiceContext, LeaveRow> = {
    approve: approveLeave,
    refuse: refuseLeave,
    withdraw: withdrawLeave,
  };
  registerCommandRoutes(app, {
    resource: '/activity-leave',
    tag: 'activities',
    routes: leaveCommandRoutes,
    handlers: leaveHandlers,
    response: activityDetailSchema,
    present: (ctx, leave) => readActivity(ctx, leave.activityId),
  });
}

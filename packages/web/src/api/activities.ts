import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  activityCommandRoutes,
  leaveCommandRoutes,
  type ActivityCommandRoutes,
  type ActivityDetail,
  type ActivityFigures,
  type ActivityFormOptions,
  type activityPageSchema,
  type attendancePageSchema,
  type CommandRequest,
  type LeaveCommandRoutes,
  type leaveQueuePageSchema,
  type MyAttendance,
  type replyInvitationBody,
  type requestLeaveBody,
  type signInBody,
  type SignInCodeDto,
} from '@cppcc/shared';
import { api } from './client';
import { useWorkflowCommand } from './workflow-commands';

/** Data of the activity API (履职活动): activities, invitations, leave requests, sign-in and attendance. */

// The server's response schemas (packages/shared/src/activities/) are the types of the pages.
export type {
  ActivityDetail,
  ActivityFigure,
  ActivityFigures,
  ActivityFormOptions,
  ActivityListItem,
  InvitationDto,
  LeaveRequestDto,
  MyAttendance,
  SignInCodeDto,
} from '@cppcc/shared';
export type ActivityPage = z.infer<typeof activityPageSchema>;
export type AttendancePage = z.infer<typeof attendancePageSchema>;
export type AttendanceRow = AttendancePage['items'][number];
export type LeaveQueuePage = z.infer<typeof leaveQueuePageSchema>;
export type LeaveQueueItem = LeaveQueuePage['items'][number];

export type ListParams = Record<string, string | number | undefined>;

const activities = '/api/activities';
const attendance = '/api/activity-attendance';
const leave = '/api/activity-leave';
const recordKey = (id: number) => [activities, 'record', id];

export function useActivityList(params: ListParams, enabled = true) {
  return useQuery({
    queryKey: [activities, 'list', params],
    queryFn: () => api<ActivityPage>(activities, { query: params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useActivity(id: number | null) {
  return useQuery({
    queryKey: [activities, 'record', id],
    queryFn: () => api<ActivityDetail>(`${activities}/${id}`),
    enabled: id !== null,
    // The page shows why it cannot show the activity; no toast on top.
    meta: { silent: true },
  });
}

/** Kinds, organisers and the leave rules. Kinds are a setting, so they are asked again on every form. */
export function useActivityFormOptions(enabled = true) {
  return useQuery({
    queryKey: [activities, 'form-options'],
    queryFn: () => api<ActivityFormOptions>(`${activities}/form-options`),
    enabled,
  });
}

export function useActivityFigures(year: number) {
  return useQuery({
    queryKey: [activities, 'figures', year],
    queryFn: () => api<ActivityFigures>(`${activities}/figures`, { query: { year } }),
  });
}

/** The signed-in member's own attendance of a year. */
export function useMyAttendance(year: number) {
  return useQuery({
    queryKey: [activities, 'my-attendance', year],
    queryFn: () => api<MyAttendance>(`${activities}/my-attendance`, { query: { year } }),
  });
}

export function useAttendanceList(params: ListParams) {
  return useQuery({
    queryKey: [attendance, 'list', params],
    queryFn: () => api<AttendancePage>(attendance, { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function useLeaveQueue(params: ListParams) {
  return useQuery({
    queryKey: [leave, 'list', params],
    queryFn: () => api<LeaveQueuePage>(leave, { query: params }),
    placeholderData: keepPreviousData,
  });
}

/**
 * The projector's code. It is asked again when it expires and every 5 s in between, so the
 * signed-in count keeps up with the room.
 */
export function useSignInCode(id: number) {
  return useQuery({
    queryKey: [activities, 'sign-in-code', id],
    queryFn: () => api<SignInCodeDto>(`${activities}/${id}/sign-in-code`),
    refetchInterval: (query) => {
      const expiresAt = query.state.data?.expiresAt;
      const left = expiresAt ? Date.parse(expiresAt) - Date.now() + 200 : 5000;
      return Math.max(500, Math.min(5000, left));
    },
    refetchIntervalInBackground: true,
    meta: { silent: true },
  });
}

/** After any change: the activity lists, the attendance rows, the leave queue and the notices. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (record?: ActivityDetail) => {
    if (record) queryClient.setQueryData(recordKey(record.id), record);
    for (const key of [activities, attendance, leave, 'notifications'])
      void queryClient.invalidateQueries({ queryKey: [key] });
  };
}

/** Create (no id) or edit an activity. */
export function useSaveActivity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: unknown }) =>
      id === undefined
        ? api<ActivityDetail>(activities, { method: 'POST', body })
        : api<ActivityDetail>(`${activities}/${id}`, { method: 'PATCH', body }),
    // Forms show field problems and conflicts themselves.
    meta: { silent: true },
    onSuccess: (record) => refresh(record),
  });
}

/** One workflow command of the activity (`activityCommandRoutes`): `mutate({ command: 'publish', body })`. */
export function useActivityCommand(id: number) {
  const refresh = useRefresh();
  const command = useWorkflowCommand<ActivityCommandRoutes, ActivityDetail>(
    activityCommandRoutes,
    activities,
    id,
  );
  return {
    ...command,
    mutateAsync: async (request: CommandRequest<ActivityCommandRoutes>) => {
      const record = await command.mutateAsync(request);
      refresh();
      return record;
    },
  };
}

/** A member's own steps on an invitation: 参加, 请假 (with a reason) and 签到 (with the code). */
export type InvitationStep =
  | { step: 'reply'; body: z.input<typeof replyInvitationBody> }
  | { step: 'leave'; body: z.input<typeof requestLeaveBody> }
  | { step: 'sign-in'; body: z.input<typeof signInBody> };

export function useInvitationStep(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ step, body }: InvitationStep) =>
      api<ActivityDetail>(`${activities}/${id}/${step}`, { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: (record) => refresh(record),
  });
}

/** One command of a leave request; the server answers with the request's activity. */
export function useLeaveCommand(id: number) {
  const refresh = useRefresh();
  const command = useWorkflowCommand<LeaveCommandRoutes, ActivityDetail>(leaveCommandRoutes, leave, id);
  return {
    ...command,
    mutateAsync: async (request: CommandRequest<LeaveCommandRoutes>) => {
      const record = await command.mutateAsync(request);
      refresh(record);
      return record;
    },
  };
}

/** Downloads: the lists as workbooks, an activity's sign-in sheet (Word) and attendance sheet. */
export const activityDocuments = {
  list: `${activities}/export.xlsx`,
  attendance: `${attendance}/export.xlsx`,
  signInSheet: (id: number) => `${activities}/${id}/sign-in-sheet.docx`,
  attendanceSheet: (id: number) => `${activities}/${id}/attendance.xlsx`,
};

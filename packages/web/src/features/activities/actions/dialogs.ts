import {
  activityCommandRoutes,
  leaveCommandRoutes,
  type ActivityCommandRoutes,
  type LeaveCommandRoutes,
} from '@cppcc/shared';
import { commandDialogsFor } from '../../../components/commandDialog';
import type { ActivityActionContext, LeaveActionContext } from './context';

/** The modal form of one activity command (see `commandDialogsFor`). */
export const activityDialog = commandDialogsFor<ActivityCommandRoutes, ActivityActionContext>(
  activityCommandRoutes,
  { version: (c) => c.activity.version, send: (c, command, body) => c.send(command, body) },
);

/** The modal form of one command of a leave request. */
export const leaveDialog = commandDialogsFor<LeaveCommandRoutes, LeaveActionContext>(leaveCommandRoutes, {
  version: (c) => c.leave.version,
  send: (c, command, body) => c.send(command, body),
});

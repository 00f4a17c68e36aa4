import type {
  ActivityCommandKey,
  ActivityCommandRoutes,
  CommandInput,
  CommandRequest,
  CommandRoutes,
  LeaveCommandRoutes,
} from '@cppcc/shared';
import type { ActivityDetail, InvitationDto, LeaveRequestDto } from '../../../api/activities';

/** Runs one command of the activity; the body is typed by the command's shared schema. */
export type SendActivityCommand = <K extends ActivityCommandKey>(
  command: K,
  body: CommandInput<ActivityCommandRoutes, K>,
) => Promise<ActivityDetail>;

/** What every activity action and dialog reads. */
export interface ActivityActionContext {
  activity: ActivityDetail;
  send: SendActivityCommand;
  navigate: (to: string) => void;
  /** The roster rows the staff ticked (to mark attendance, to remove). */
  selected: InvitationDto[];
  clearSelection: () => void;
}

export type SendLeaveCommand = <K extends keyof LeaveCommandRoutes & string>(
  command: K,
  body: CommandInput<LeaveCommandRoutes, K>,
) => Promise<ActivityDetail>;

/** What every action of a leave request reads. */
export interface LeaveActionContext {
  leave: LeaveRequestDto;
  send: SendLeaveCommand;
}

/** `send` over a command mutation of `api/activities`. */
export const sender =
  <R extends CommandRoutes>(mutateAsync: (request: CommandRequest<R>) => Promise<ActivityDetail>) =>
  <K extends keyof R & string>(command: K, body: CommandInput<R, K>) =>
    mutateAsync({ command, body } as CommandRequest<R>);

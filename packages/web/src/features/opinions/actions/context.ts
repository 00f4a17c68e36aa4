import type {
  CommandInput,
  CommandRequest,
  ForwardingCommandKey,
  ForwardingCommandRoutes,
  OpinionCommandKey,
  OpinionCommandRoutes,
} from '@cppcc/shared';
import type { ForwardingDto, OpinionDetail } from '../../../api/opinions';

/** Runs one command of the opinion; the body is typed by the command's shared schema. */
export type SendOpinionCommand = <K extends OpinionCommandKey>(
  command: K,
  body: CommandInput<OpinionCommandRoutes, K>,
) => Promise<OpinionDetail>;

/** What every opinion action and dialog reads. */
export interface OpinionActionContext {
  opinion: OpinionDetail;
  send: SendOpinionCommand;
  navigate: (to: string) => void;
  /** The opinions to combine with this one, when 综合采用 starts from similar ones found while editing. */
  combineWith?: { id: number; title: string }[];
}

export type SendForwardingCommand = <K extends ForwardingCommandKey>(
  command: K,
  body: CommandInput<ForwardingCommandRoutes, K>,
) => Promise<ForwardingDto>;

/** What every action of a forwarded item reads. */
export interface ForwardingActionContext {
  item: ForwardingDto;
  send: SendForwardingCommand;
}

/** `send` over a command mutation of `api/opinions`. */
export const sender =
  <R extends OpinionCommandRoutes | ForwardingCommandRoutes, T>(
    mutateAsync: (request: CommandRequest<R>) => Promise<T>,
  ) =>
  <K extends keyof R & string>(command: K, body: CommandInput<R, K>) =>
    mutateAsync({ command, body } as CommandRequest<R>);

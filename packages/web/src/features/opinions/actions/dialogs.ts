import {
  forwardingCommandRoutes,
  opinionCommandRoutes,
  type ForwardingCommandRoutes,
  type OpinionCommandRoutes,
} from '@cppcc/shared';
import { commandDialogsFor } from '../../../components/commandDialog';
import type { ForwardingActionContext, OpinionActionContext } from './context';

/** The modal form of one opinion command (see `commandDialogsFor`). */
export const opinionDialog = commandDialogsFor<OpinionCommandRoutes, OpinionActionContext>(
  opinionCommandRoutes,
  { version: (c) => c.opinion.version, send: (c, command, body) => c.send(command, body) },
);

/** The modal form of one command of a forwarded item. */
export const forwardingDialog = commandDialogsFor<ForwardingCommandRoutes, ForwardingActionContext>(
  forwardingCommandRoutes,
  { version: (c) => c.item.version, send: (c, command, body) => c.send(command, body) },
);

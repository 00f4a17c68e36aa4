import { proposalCommandRoutes, type ProposalCommandKey, type ProposalCommandRoutes } from '@cppcc/shared';
import * as dialogs from '../../../components/commandDialog';
import type { ActionDialogProps } from '../../../components/WorkflowActions';
import type { ProposalActionContext } from './context';

export type ProposalDialogProps = ActionDialogProps<ProposalActionContext>;
export type CommandDialogSpec<K extends ProposalCommandKey> = dialogs.CommandDialogSpec<
  ProposalCommandRoutes,
  ProposalActionContext,
  K
>;
export type RecordChoice<K extends ProposalCommandKey> = dialogs.RecordChoice<
  ProposalCommandRoutes,
  ProposalActionContext,
  K
>;
export type CommandFieldsProps<K extends ProposalCommandKey> = dialogs.CommandFieldsProps<
  ProposalCommandRoutes,
  ProposalActionContext,
  K
>;

/** The modal form of one proposal command (see `commandDialogsFor`). */
export const commandDialog = dialogs.commandDialogsFor<ProposalCommandRoutes, ProposalActionContext>(
  proposalCommandRoutes,
  { version: (c) => c.proposal.version, send: (c, command, body) => c.send(command, body) },
);

import { useNavigate } from 'react-router';
import type { OpinionCommandRoutes } from '@cppcc/shared';
import { useOpinionCommand, type OpinionDetail } from '../../../api/opinions';
import { WorkflowActions } from '../../../components/WorkflowActions';
import { sender, type OpinionActionContext } from './context';
import { opinionActions } from './table';

/** What the opinion's actions and dialogs read. */
export function useOpinionActionContext(opinion: OpinionDetail): OpinionActionContext {
  const navigate = useNavigate();
  const command = useOpinionCommand(opinion.id);
  return { opinion, send: sender<OpinionCommandRoutes, OpinionDetail>(command.mutateAsync), navigate };
}

/** The buttons of every command the viewer may run now on the opinion (see `opinionActions`). */
export function OpinionActions({ opinion }: { opinion: OpinionDetail }) {
  const context = useOpinionActionContext(opinion);
  return <WorkflowActions actions={opinionActions} context={context} policies={opinion.policies} />;
}

import { useNavigate } from 'react-router';
import type { OpinionCommandRoutes } from '@cppcc/shared';
import { useOpinionCommand, type OpinionDetail } from '../../../api/opinions';
import { WorkflowActions } from '../../../components/WorkflowActions';
import { sender, type OpinionActionContext } from './context';
import { opinionActions } from './table';

/** The buttons of every command the viewer may run now on the opinion (see `opinionActions`). */
export function OpinionActions({ opinion }: { opinion: OpinionDetail }) {
  const navigate = useNavigate();
  const command = useOpinionCommand(opinion.id);
  const context: OpinionActionContext = {
    opinion,
    send: sender<OpinionCommandRoutes, OpinionDetail>(command.mutateAsync),
    navigate,
  };
  return <WorkflowActions actions={opinionActions} context={context} policies={opinion.policies} />;
}

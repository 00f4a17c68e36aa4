import { useNavigate } from 'react-router';
import { proposalDocuments, useProposalCommand, type ProposalDetail } from '../../../api/proposals';
import { WorkflowActions } from '../../../components/WorkflowActions';
import { useCurrentUser } from '../../../hooks/useCurrentUser';
import { DocumentButton } from '../common';
import { proposalViewer, sender, type ProposalActionContext } from './context';
import { proposalActions } from './table';

/** What the proposal's actions and dialogs read, for the signed-in viewer. */
export function useProposalActionContext(p: ProposalDetail): ProposalActionContext {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const command = useProposalCommand(p.id);
  return { proposal: p, viewer: proposalViewer(p, user), send: sender(command.mutateAsync), navigate };
}

/** The buttons of every command the viewer may run now (see `proposalActions`), then the documents. */
export function ProposalActions({ proposal: p }: { proposal: ProposalDetail }) {
  const context = useProposalActionContext(p);
  return (
    <WorkflowActions
      actions={proposalActions}
      context={context}
      policies={p.policies}
      extra={
        <>
          {p.state !== 'draft' && p.state !== 'cosigning' && (
            <DocumentButton path={proposalDocuments.proposal(p.id)}>下载提案</DocumentButton>
          )}
          {p.answers.some((a) => a.state === 'approved') && (
            <DocumentButton path={proposalDocuments.answerLetter(p.id)}>下载答复函</DocumentButton>
          )}
        </>
      }
    />
  );
}

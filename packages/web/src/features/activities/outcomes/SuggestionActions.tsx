import { useSuggestionCommand, type SuggestionDto } from '../../../api/activity-outcomes';
import { WorkflowActions, type WorkflowAction } from '../../../components/WorkflowActions';
import { senderOf, type SuggestionContext } from './context';
import {
  AdoptDialog,
  DeclineDialog,
  EditDialog,
  ImplementDialog,
  ReopenDialog,
  SendDialog,
} from './SuggestionDialogs';

/** Every button of a suggestion, in the order shown; each shows when the record's `policies` allow it. */
export const suggestionActions: readonly WorkflowAction<SuggestionContext>[] = [
  { key: 'send', label: '报送', ability: 'send', primary: true, dialog: SendDialog },
  { key: 'adopt', label: '登记采纳', ability: 'adopt', primary: true, dialog: AdoptDialog },
  { key: 'decline', label: '登记未采纳', ability: 'decline', danger: true, dialog: DeclineDialog },
  { key: 'implement', label: '登记落实', ability: 'implement', primary: true, dialog: ImplementDialog },
  { key: 'update', label: '修改', ability: 'update', dialog: EditDialog },
  { key: 'reopen', label: '撤回登记', ability: 'reopen', danger: true, dialog: ReopenDialog },
];

export function SuggestionActions({ suggestion }: { suggestion: SuggestionDto }) {
  const command = useSuggestionCommand(suggestion.id);
  return (
    <WorkflowActions
      actions={suggestionActions}
      context={{ suggestion, send: senderOf(command.mutateAsync) }}
      policies={suggestion.policies}
    />
  );
}

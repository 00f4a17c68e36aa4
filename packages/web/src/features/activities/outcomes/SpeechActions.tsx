import { useSpeechCommand, type SpeechDto } from '../../../api/activity-outcomes';
import { WorkflowActions, type WorkflowAction } from '../../../components/WorkflowActions';
import { senderOf, speechDialog, type SpeechContext } from './context';

const DeclineDialog = speechDialog({
  command: 'decline',
  title: '不予收录',
  okText: '不予收录',
  danger: true,
  success: '已不予收录',
  warning: '已收录的发言不予收录后，委员的履职记录随之撤回。',
  text: { name: 'note', label: '不予收录的理由', rows: 2 },
});

const versionOnly = (c: SpeechContext) => ({ version: c.speech.version });

/** The buttons of a speech: the staff's 收录 / 不予收录 / 口头发言, the member's 撤回. */
export const speechActions: readonly WorkflowAction<SpeechContext>[] = [
  {
    key: 'accept',
    label: '收录',
    ability: 'accept',
    primary: true,
    confirm: {
      title: '收录发言',
      content: (c) => `收录「${c.speech.title}」后计入${c.speech.memberName}的履职记录。确定收录吗？`,
      run: (c) => c.send('accept', versionOnly(c)),
      success: '发言已收录',
    },
  },
  {
    key: 'select',
    label: '选为口头发言',
    ability: 'select',
    confirm: {
      title: '选为大会口头发言',
      content: (c) => `确定将「${c.speech.title}」选为大会口头发言吗？`,
      run: (c) => c.send('select', versionOnly(c)),
      success: '已选为大会口头发言',
    },
  },
  {
    key: 'unselect',
    label: '取消口头发言',
    ability: 'unselect',
    confirm: {
      title: '取消大会口头发言',
      content: '取消后发言仍为已收录的书面发言。确定取消吗？',
      run: (c) => c.send('unselect', versionOnly(c)),
      success: '已取消大会口头发言',
    },
  },
  { key: 'decline', label: '不予收录', ability: 'decline', danger: true, dialog: DeclineDialog },
  {
    key: 'withdraw',
    label: '撤回',
    ability: 'withdraw',
    danger: true,
    confirm: {
      title: '撤回发言',
      content: (c) => `撤回「${c.speech.title}」后不再参加收录。确定撤回吗？`,
      run: (c) => c.send('withdraw', versionOnly(c)),
      success: '发言已撤回',
      danger: true,
    },
  },
];

export function SpeechActions({ speech }: { speech: SpeechDto }) {
  const command = useSpeechCommand(speech.id);
  return (
    <WorkflowActions
      actions={speechActions}
      context={{ speech, send: senderOf(command.mutateAsync) }}
      policies={speech.policies}
    />
  );
}

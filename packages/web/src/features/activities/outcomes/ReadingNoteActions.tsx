import { useReadingNoteCommand, type ReadingNoteDto } from '../../../api/activity-outcomes';
import { WorkflowActions, type WorkflowAction } from '../../../components/WorkflowActions';
import { readingNoteDialog, senderOf, type ReadingNoteContext } from './context';

const ReturnDialog = readingNoteDialog({
  command: 'returnNote',
  title: '退回读书笔记',
  okText: '退回',
  danger: true,
  success: '读书笔记已退回',
  warning: '退回后这篇笔记不再计入委员履职。',
  text: { name: 'reason', label: '退回理由', rows: 2 },
});

/** The buttons of a reading note: the staff's 退回, the member's 撤回. */
export const readingNoteActions: readonly WorkflowAction<ReadingNoteContext>[] = [
  { key: 'returnNote', label: '退回', ability: 'returnNote', danger: true, dialog: ReturnDialog },
  {
    key: 'withdraw',
    label: '撤回',
    ability: 'withdraw',
    danger: true,
    confirm: {
      title: '撤回读书笔记',
      content: (c) => `撤回《${c.note.bookTitle}》${c.note.title}后不再计入履职。确定撤回吗？`,
      run: (c) => c.send('withdraw', { version: c.note.version }),
      success: '读书笔记已撤回',
      danger: true,
    },
  },
];

export function ReadingNoteActions({ note }: { note: ReadingNoteDto }) {
  const command = useReadingNoteCommand(note.id);
  return (
    <WorkflowActions
      actions={readingNoteActions}
      context={{ note, send: senderOf(command.mutateAsync) }}
      policies={note.policies}
    />
  );
}

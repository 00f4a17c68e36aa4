import { Link } from 'react-router';
import { Flex, Typography } from 'antd';
import type { ReadingNoteDto } from '../../../api/activity-outcomes';
import { dateText } from '../../../components/columns';
import { ReadingNoteActions } from './ReadingNoteActions';
import { ReadingNoteStateTag } from './common';

/** One reading note as a card: state, book and title, who and when, the text, and its buttons. */
export function ReadingNoteItem(props: { note: ReadingNoteDto; showMember: boolean }) {
  const n = props.note;
  return (
    <Flex vertical gap={6} style={{ width: '100%' }}>
      <Flex gap={8} align="start" justify="space-between">
        <Typography.Text strong style={{ flex: 1, minWidth: 0 }}>
          《{n.bookTitle}》{n.title}
        </Typography.Text>
        <ReadingNoteStateTag state={n.state} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[props.showMember && n.memberName, `提交于 ${dateText(n.createdAt)}`].filter(Boolean).join(' · ')}
      </Typography.Text>
      {n.activityId && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          读书活动：<Link to={`/activities/${n.activityId}`}>{n.activityTopic}</Link>
        </Typography.Text>
      )}
      <ReadingNoteBody note={n} />
      <ReadingNoteActions note={n} />
    </Flex>
  );
}

export function ReadingNoteBody({ note: n }: { note: ReadingNoteDto }) {
  return (
    <>
      <Typography.Paragraph
        ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开') }}
        style={{ whiteSpace: 'pre-wrap', margin: 0 }}
      >
        {n.content}
      </Typography.Paragraph>
      {n.returnReason && <Typography.Text type="warning">退回理由：{n.returnReason}</Typography.Text>}
    </>
  );
}

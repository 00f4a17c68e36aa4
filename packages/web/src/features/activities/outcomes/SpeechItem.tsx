import { Link } from 'react-router';
import { Flex, Tag, Typography } from 'antd';
import type { SpeechDto } from '../../../api/activity-outcomes';
import { Attachments } from '../../../components/AttachmentLinks';
import { dateText } from '../../../components/columns';
import { SpeechActions } from './SpeechActions';
import { SpeechStateTag } from './common';

/** One speech as a card or a list line: state, title, who and where, the text, and its buttons. */
export function SpeechItem(props: { speech: SpeechDto; showActivity: boolean; showMember: boolean }) {
  const s = props.speech;
  return (
    <Flex vertical gap={6} style={{ width: '100%' }}>
      <Flex gap={4} wrap align="center">
        <SpeechStateTag state={s.state} />
        <Tag>{s.modeLabel}</Tag>
        <Tag>{s.occasionLabel}</Tag>
      </Flex>
      <Typography.Text strong>{s.title}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[props.showMember && s.memberName, `提交于 ${dateText(s.createdAt)}`].filter(Boolean).join(' · ')}
      </Typography.Text>
      {props.showActivity && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          活动：<Link to={`/activities/${s.activityId}`}>{s.activityTopic}</Link>（
          {dateText(s.activityStartsAt)}）
        </Typography.Text>
      )}
      <SpeechBody speech={s} />
      <SpeechActions speech={s} />
    </Flex>
  );
}

/** A speech's text, attachments and, when declined, why. */
export function SpeechBody({ speech: s }: { speech: SpeechDto }) {
  return (
    <>
      {s.content && (
        <Typography.Paragraph
          ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开') }}
          style={{ whiteSpace: 'pre-wrap', margin: 0 }}
        >
          {s.content}
        </Typography.Paragraph>
      )}
      {s.attachments.length > 0 && <Attachments ids={s.attachments.map((f) => f.id)} files={s.attachments} />}
      {s.decisionNote && <Typography.Text type="warning">不予收录的理由：{s.decisionNote}</Typography.Text>}
    </>
  );
}

import { Link } from 'react-router';
import { Flex, Tag, Typography } from 'antd';
import type { SuggestionDto } from '../../../api/activity-outcomes';
import { Attachments } from '../../../components/AttachmentLinks';
import { dateText } from '../../../components/columns';
import { SuggestionActions } from './SuggestionActions';
import { SuggestionStateTag } from './common';

/** `报送 区住建局，期限 2026-06-30（逾期）` in red when overdue. */
export function DeadlineText({ suggestion: s }: { suggestion: SuggestionDto }) {
  const style = { fontSize: 'inherit' };
  if (!s.deadline)
    return (
      <Typography.Text type="secondary" style={style}>
        未定期限
      </Typography.Text>
    );
  return s.overdue ? (
    <Typography.Text type="danger" style={style}>
      {dateText(s.deadline)}（逾期）
    </Typography.Text>
  ) : (
    <Typography.Text style={style}>{dateText(s.deadline)}</Typography.Text>
  );
}

/** What came of a suggestion: the department's answers and the evidence of its implementation. */
export function SuggestionResults({ suggestion: s }: { suggestion: SuggestionDto }) {
  const lines = [
    s.adoptionFeedback && {
      key: 'adoption',
      label:
        s.state === 'notAdopted'
          ? '未采纳原因'
          : `采纳情况${s.adoptedOn ? `（${dateText(s.adoptedOn)}）` : ''}`,
      text: s.adoptionFeedback,
    },
    s.implementationFeedback && {
      key: 'implementation',
      label: `落实情况${s.implementedOn ? `（${dateText(s.implementedOn)}）` : ''}`,
      text: s.implementationFeedback,
    },
  ].filter((l): l is { key: string; label: string; text: string } => Boolean(l));
  if (lines.length === 0 && s.evidence.length === 0) return null;
  return (
    <Flex vertical gap={2}>
      {lines.map((l) => (
        <Typography.Text key={l.key} style={{ whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">{l.label}：</Typography.Text>
          {l.text}
        </Typography.Text>
      ))}
      {s.evidence.length > 0 && <Attachments ids={s.evidence.map((f) => f.id)} files={s.evidence} />}
    </Flex>
  );
}

/**
 * One suggestion as a card or a list line: its state, content, activity, department and deadline
 * (red when overdue), what came of it, and the buttons its `policies` allow.
 */
export function SuggestionItem(props: {
  suggestion: SuggestionDto;
  showActivity: boolean;
  linkActivity: boolean;
}) {
  const s = props.suggestion;
  return (
    <Flex
      vertical
      gap={6}
      style={{
        width: '100%',
        ...(s.overdue && { borderLeft: '3px solid #ff4d4f', paddingLeft: 8 }),
      }}
    >
      <Flex gap={4} wrap align="center">
        <SuggestionStateTag state={s.state} />
        {s.overdue && <Tag color="red">逾期</Tag>}
      </Flex>
      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{s.content}</Typography.Text>
      {props.showActivity && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          来自：
          {props.linkActivity ? (
            <Link to={`/activities/${s.activityId}`}>{s.activityTopic}</Link>
          ) : (
            s.activityTopic
          )}
          （{s.activityKindLabel} · {dateText(s.activityStartsAt)}）
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        报送部门：{s.unitName ?? '未定'} · 反馈期限：
        <DeadlineText suggestion={s} />
      </Typography.Text>
      <SuggestionResults suggestion={s} />
      <SuggestionActions suggestion={s} />
    </Flex>
  );
}

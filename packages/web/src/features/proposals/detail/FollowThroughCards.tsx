import { Space, Tag, Typography } from 'antd';
import {
  followupImplementationLabels,
  proposalCommandLabels,
  proposalStateLabels,
  roleLabels,
  supervisionLogKindLabels,
  type ProposalCommand,
  type ProposalState,
  type Role,
} from '@cppcc/shared';
import { ListCard, optionalListSection } from './ListCard';
import type { ProposalDetail } from '../../../api/proposals';
import { dateText } from '../../../components/columns';
import { RecordTimeline } from '../../../components/RecordTimeline';

/** Sections of the proposal detail after the answer: evaluations, supervision, follow-ups, and the timeline. */

const timelineLabels: Record<string, string> = { create: '起草提案', mergedIn: '并入其他提案' };
const actionLabel = (action: string) =>
  timelineLabels[action] ?? proposalCommandLabels[action as ProposalCommand] ?? action;

/** 双向评议 scores, as far as the viewer may see them. */
export const EvaluationsCard = optionalListSection(
  '双向评议',
  (p) => p.evaluations,
  (e, p) => (
    <Space wrap>
      <Tag>{e.direction === 'unitToProposal' ? '承办单位评提案质量' : '提案人评办理工作'}</Tag>
      <span>{p.units.find((u) => u.unitId === e.unitId)?.name}</span>
      <Typography.Text strong>
        {e.score} 分（{e.grade}）
      </Typography.Text>
      {e.comment && <Typography.Text type="secondary">{e.comment}</Typography.Text>}
    </Space>
  ),
);

/** Supervising leaders of a key proposal and their log. */
export function SupervisionCard({ proposal: p }: { proposal: ProposalDetail }) {
  if (p.supervisors.length === 0 && p.supervisionLogs.length === 0) return null;
  return (
    <ListCard
      title="督办"
      items={p.supervisionLogs}
      emptyText="暂无督办记录"
      render={(l) => (
        <Space wrap>
          <Tag color="purple">
            {supervisionLogKindLabels[l.kind as keyof typeof supervisionLogKindLabels] ?? l.kind}
          </Tag>
          <span>{dateText(l.occurredOn)}</span>
          <span>{l.author}</span>
          <span style={{ whiteSpace: 'pre-wrap' }}>{l.text}</span>
        </Space>
      )}
    >
      {p.supervisors.length > 0 && (
        <Typography.Paragraph>领衔督办：{p.supervisors.map((s) => s.name).join('、')}</Typography.Paragraph>
      )}
    </ListCard>
  );
}

/** 回头看 requests and the units' reports. */
export const FollowupsCard = optionalListSection(
  '回头看',
  (p) => p.followups,
  (f, p) => (
    <div>
      <Space wrap>
        <Tag color={f.status === 'reported' ? 'green' : 'blue'}>
          {f.status === 'reported' ? '已报送' : '待报送'}
        </Tag>
        <span>{p.units.find((u) => u.unitId === f.unitId)?.name}</span>
        <span>{dateText(f.requestedAt)}</span>
        {f.requestNote && <Typography.Text type="secondary">{f.requestNote}</Typography.Text>}
      </Space>
      {f.report && (
        <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
          {f.implementation &&
            `【${followupImplementationLabels[f.implementation as keyof typeof followupImplementationLabels]}】`}
          {f.report}
        </Typography.Paragraph>
      )}
    </div>
  ),
);

/** Every step taken on the proposal, by whom and when. */
export function TimelineCard({ proposal: p }: { proposal: ProposalDetail }) {
  return (
    <RecordTimeline
      title="办理过程"
      entries={p.timeline}
      actionLabel={(t) => actionLabel(t.action)}
      stateLabel={(s) => proposalStateLabels[s as ProposalState]}
      actorRole={(r) => roleLabels[r as Role] ?? r}
      color={(t) =>
        t.toState === 'rejected' || t.toState === 'withdrawn'
          ? 'red'
          : t.toState === 'closed'
            ? 'green'
            : 'blue'
      }
    />
  );
}

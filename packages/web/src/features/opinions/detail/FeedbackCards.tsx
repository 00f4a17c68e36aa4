import { Flex, Space, Tag, Typography } from 'antd';
import type { OpinionDetail } from '../../../api/opinions';
import { Attachments } from '../../../components/AttachmentLinks';
import { dateText } from '../../../components/columns';
import { ListCard } from '../../../components/ListCard';
import { ForwardingActions } from '../actions/ForwardingActions';
import { ForwardingStateTag } from '../common';
import { ForwardingText } from './ForwardingText';

/** Sections of the opinion detail about what became of it: the ledger, instructions, forwarded items. */

const eventColors: Record<string, string> = { adopted: 'green', reported: 'blue', instructed: 'magenta' };

/** Every feedback event of the article at every level: 被市级政协采用, 报送全国政协, 获…领导批示. */
export function LedgerCard({ opinion: o }: { opinion: OpinionDetail }) {
  return (
    <ListCard
      title="反馈情况"
      items={o.ledger}
      emptyText="暂无反馈"
      render={(l) => (
        <Space wrap size={4}>
          <Tag color={eventColors[l.event] ?? 'default'}>{l.text}</Tag>
          <Typography.Text type="secondary">{l.committeeName}</Typography.Text>
          <Typography.Text type="secondary">{dateText(l.occurredAt)}</Typography.Text>
          {l.note && <span>{l.note}</span>}
        </Space>
      )}
    />
  );
}

export function InstructionsCard({ opinion: o }: { opinion: OpinionDetail }) {
  return (
    <ListCard
      title="领导批示"
      optional
      items={o.instructions}
      render={(i) => (
        <Flex vertical gap={4} style={{ width: '100%' }}>
          <Space wrap size={4}>
            <Tag color="magenta">{i.levelLabel}</Tag>
            <Typography.Text strong>
              {i.leaderName}（{i.leaderPost}）
            </Typography.Text>
            <Typography.Text type="secondary">{dateText(i.instructedOn)}</Typography.Text>
            {i.unitName && <Tag>落实单位：{i.unitName}</Tag>}
            <Tag color={i.doneAt ? 'green' : 'orange'}>{i.doneAt ? '已落实' : '待落实'}</Tag>
          </Space>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{i.text}</Typography.Text>
          {i.result && (
            <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
              落实情况（{dateText(i.doneAt)}）：{i.result}
            </Typography.Text>
          )}
          {i.attachmentIds.length > 0 && <Attachments ids={i.attachmentIds} files={o.attachmentFiles} />}
        </Flex>
      )}
    />
  );
}

export function ForwardingsCard({ opinion: o }: { opinion: OpinionDetail }) {
  return (
    <ListCard
      title="转办"
      optional
      items={o.forwardings}
      render={(f) => (
        <Flex vertical gap={4} style={{ width: '100%' }}>
          <Space wrap size={4}>
            <ForwardingStateTag state={f.state} label={f.stateLabel} />
            <Tag>{f.channelLabel}</Tag>
            <Typography.Text strong>{f.unitName}</Typography.Text>
            {f.workOrderNumber && <span>工单号 {f.workOrderNumber}</span>}
            <Typography.Text type={f.overdue ? 'danger' : 'secondary'}>
              期限 {dateText(f.deadline)}
              {f.overdue ? '（超期）' : ''}
            </Typography.Text>
          </Space>
          <ForwardingText item={f} />
          <ForwardingActions item={f} />
        </Flex>
      )}
    />
  );
}

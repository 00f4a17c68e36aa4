import { Flex, Typography } from 'antd';
import type { ForwardingDto } from '../../../api/opinions';
import { dateText } from '../../../components/columns';

/** What was said on a forwarded item: the staff's note, the unit's answer or return, the review. */
export function ForwardingText({ item: f }: { item: ForwardingDto }) {
  return (
    <Flex vertical gap={4}>
      {f.note && <Typography.Text type="secondary">转办说明：{f.note}</Typography.Text>}
      {f.answerText && (
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
          答复（{dateText(f.answeredAt)}）：{f.answerText}
        </Typography.Text>
      )}
      {f.returnReason && <Typography.Text type="warning">退回理由：{f.returnReason}</Typography.Text>}
      {f.reviewComment && <Typography.Text type="secondary">审核意见：{f.reviewComment}</Typography.Text>}
    </Flex>
  );
}

import { Link } from 'react-router';
import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { rejectionDispositionLabels } from '@cppcc/shared';
import { useSimilarProposals, type ProposalDetail } from '../../../api/proposals';
import { StateTag } from '../common';

/** Sections of the proposal detail about its review: the outcome notices and similar proposals. */

/** Why the proposal was returned, rejected or merged. */
export function ReviewNotices({ proposal: p }: { proposal: ProposalDetail }) {
  return (
    <>
      {p.returnComment && p.state === 'returned' && (
        <Alert type="warning" showIcon title="退回修改意见" description={p.returnComment} />
      )}
      {p.rejection && (
        <Alert
          type="error"
          showIcon
          title={`不予立案：${p.rejection.ground}`}
          description={
            <>
              <div>{p.rejection.reason}</div>
              {p.rejection.disposition && (
                <div>
                  处理方式：
                  {rejectionDispositionLabels[
                    p.rejection.disposition as keyof typeof rejectionDispositionLabels
                  ] ?? p.rejection.disposition}
                </div>
              )}
            </>
          }
        />
      )}
      {p.mergedIntoId && (
        <Alert
          type="info"
          showIcon
          title={
            <>
              已并入<Link to={`/proposals/${p.mergedIntoId}`}>主提案</Link>办理
            </>
          }
        />
      )}
    </>
  );
}

/** Proposals with a similar or the same title or content, for the staff reviewing this one. */
export function SimilarCard({ id }: { id: number }) {
  const similar = useSimilarProposals(id, true);
  const items = similar.data?.items ?? [];
  const exact = items.filter((i) => i.exact);
  return (
    <Card title="相似与重复提案" size="small" loading={similar.isPending}>
      {exact.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={`发现 ${exact.length} 件标题或内容完全相同的提案，请核实是否重复提交`}
        />
      )}
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: '没有相似的提案' }}
        renderItem={(s) => (
          <List.Item>
            <Space wrap size={4}>
              {s.exact ? <Tag color="red">完全相同</Tag> : <Tag>相似度 {Math.round(s.score * 100)}%</Tag>}
              <Link to={`/proposals/${s.id}`}>{s.title}</Link>
              {s.numberLabel && <Tag>{s.numberLabel}</Tag>}
              <StateTag state={s.state} label={s.stateLabel} />
              <Typography.Text type="secondary">{s.leadMemberName}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

import { Alert, Card, Flex, List, Space, Table, Tag, Typography } from 'antd';
import { relevanceLabels, satisfactionLabels } from '@cppcc/shared';
import { optionalListSection } from './ListCard';
import type { ProposalDetail } from '../../../api/proposals';
import { Attachments } from '../../../components/AttachmentLinks';
import { dateText, dateTimeText } from '../../../components/columns';

/** Sections of the proposal detail about its handling: units, co-units' opinions, answers and ratings. */

export { Attachments };

export function UnitsCard({ proposal: p, narrow }: { proposal: ProposalDetail; narrow: boolean }) {
  if (p.units.length === 0) return null;
  return (
    <Card title="承办单位" size="small">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={p.units}
        columns={[
          {
            title: '单位',
            dataIndex: 'name',
            render: (name: string, u) => (
              <Space size={4}>
                {name}
                <Tag color={u.role === 'lead' ? 'red' : u.role === 'co' ? 'blue' : 'purple'}>
                  {u.roleLabel}
                </Tag>
              </Space>
            ),
          },
          {
            title: '状态',
            key: 'status',
            render: (_, u) => (
              <Space size={4} wrap>
                <Tag color={u.active ? 'processing' : 'default'}>{u.statusLabel}</Tag>
                {u.overdue && <Tag color="error">超期</Tag>}
                {u.declineReason && (
                  <Typography.Text type="secondary">退办理由：{u.declineReason}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '办理期限',
            key: 'deadline',
            render: (_, u) => (
              <span>
                {dateText(u.deadline)}
                {u.originalDeadline && !narrow && (
                  <Typography.Text type="secondary">
                    （原 {dateText(u.originalDeadline)}，{u.extensionReason}）
                  </Typography.Text>
                )}
              </span>
            ),
          },
          { title: '签收期限', dataIndex: 'acknowledgeBy', render: dateText, responsive: ['md'] },
        ]}
      />
    </Card>
  );
}

/** Opinions the co-units sent to the lead unit. */
export const UnitOpinionsCard = optionalListSection(
  '协办意见',
  (p) => p.unitOpinions,
  (o, p) => (
    <div style={{ width: '100%' }}>
      <Typography.Text strong>{o.fromUnitName}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
        {dateTimeText(o.createdAt)}
        {o.contactPerson ? ` · 联系人 ${o.contactPerson}` : ''}
      </Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
        {o.text}
      </Typography.Paragraph>
      {o.attachmentIds.length > 0 && <Attachments ids={o.attachmentIds} files={p.attachmentFiles} />}
    </div>
  ),
);

export function AnswersCard({ proposal: p }: { proposal: ProposalDetail }) {
  if (p.answers.length === 0) return null;
  const waiting = p.awaitingRatings.map((m) => m.name).join('、');
  // The rating window: a day still ahead, or one that has passed (staff may then close with a reason).
  const due = p.ratingDueAt
    ? Date.parse(p.ratingDueAt) < Date.now()
      ? `（评价期限 ${dateText(p.ratingDueAt)} 已过）`
      : `（请于 ${dateText(p.ratingDueAt)} 前评价）`
    : '';
  return (
    <Card title="答复" size="small">
      <Flex vertical gap={12}>
        {p.awaitingRatings.length > 0 && (
          // Who the proposal waits for: a proposer who has rated would otherwise see nothing happen.
          <Alert
            type="info"
            showIcon
            title={`等待提案人评价：${waiting}${due}`}
            description="每位提案人评价全部答复后自动办结；有“不满意”的，退回承办单位重新办理。提案工作人员可写明理由后直接办结。"
          />
        )}
        {p.answers.map((a) => {
          const ratings = p.ratings.filter((r) => r.answerId === a.id);
          return (
            <Card
              key={a.id}
              type="inner"
              size="small"
              title={
                <Space wrap size={4}>
                  {a.unitName}
                  <Tag>第 {a.round} 轮</Tag>
                  <Tag color="gold">{a.category} 类</Tag>
                  {a.originalCategory && <Tag>原 {a.originalCategory} 类</Tag>}
                  <Tag color={a.state === 'approved' ? 'green' : a.state === 'returned' ? 'orange' : 'blue'}>
                    {a.stateLabel}
                  </Tag>
                </Space>
              }
            >
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Typography.Paragraph>
              <Typography.Text type="secondary">
                联系人：{a.contactPerson} {a.contactPhone}
                {a.sentAt ? ` · 报送 ${dateTimeText(a.sentAt)}` : ''}
              </Typography.Text>
              {a.attachmentIds.length > 0 && <Attachments ids={a.attachmentIds} files={p.attachmentFiles} />}
              {a.headComment && (
                <Alert style={{ marginTop: 8 }} type="info" title={`负责人意见：${a.headComment}`} />
              )}
              {a.staffReviewNote && (
                <Alert style={{ marginTop: 8 }} type="info" title={`提案委审核意见：${a.staffReviewNote}`} />
              )}
              {ratings.length > 0 && (
                <List
                  style={{ marginTop: 8 }}
                  size="small"
                  header="满意度评价"
                  dataSource={ratings}
                  renderItem={(r) => (
                    <List.Item>
                      <Space wrap size={4}>
                        <span>{r.memberName}</span>
                        <Tag color={r.satisfaction === 'dissatisfied' ? 'red' : 'green'}>
                          {satisfactionLabels[r.satisfaction]}
                        </Tag>
                        <span>办理态度：{satisfactionLabels[r.attitude]}</span>
                        <span>{relevanceLabels[r.relevance]}</span>
                        {r.comment && <Typography.Text type="secondary">{r.comment}</Typography.Text>}
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          );
        })}
      </Flex>
    </Card>
  );
}

import { Link, useParams } from 'react-router';
import {
  Alert,
  Card,
  Descriptions,
  Empty,
  Flex,
  Grid,
  List,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import {
  proposalCommandLabels,
  proposalStateLabels,
  rejectionDispositionLabels,
  relevanceLabels,
  roleLabels,
  satisfactionLabels,
  supervisionLogKindLabels,
  followupImplementationLabels,
  type ProposalCommand,
  type ProposalState,
  type Role,
} from '@cppcc/shared';
import { useProposal, useSimilarProposals, type ProposalDetail } from '../../api/proposals';
import { dateText, dateTimeText } from '../../components/columns';
import { ProposalActions } from './ProposalActions';
import { StateTag } from './common';

const timelineLabels: Record<string, string> = { create: '起草提案', mergedIn: '并入其他提案' };
const actionLabel = (action: string) =>
  timelineLabels[action] ?? proposalCommandLabels[action as ProposalCommand] ?? action;

/** One proposal for whoever may read it: content, people, units, answers, ratings, timeline and the allowed actions. */
export default function ProposalDetailPage() {
  const id = Number(useParams().id);
  const query = useProposal(Number.isInteger(id) && id > 0 ? id : null);
  if (query.isPending) return <Skeleton active />;
  if (!query.data) {
    const reason = query.error?.message;
    return (
      <Result
        status="404"
        title="提案不存在或无权查看"
        subTitle={reason && reason !== '提案不存在或无权查看' ? reason : undefined}
      />
    );
  }
  return <Detail proposal={query.data} />;
}

function Detail({ proposal: p }: { proposal: ProposalDetail }) {
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const reviewing = p.policies.canAccept || p.policies.canClaimReview || p.policies.canMerge;
  const proposerNames = p.organisationProposer
    ? p.organisationProposer.name
    : p.proposers
        .filter((x) => x.status === 'confirmed')
        .map((x) => x.name)
        .join('、');

  return (
    <Flex vertical gap={narrow ? 8 : 16}>
      <Card styles={{ body: narrow ? { padding: 12 } : undefined }}>
        <Flex vertical gap={8}>
          <Space wrap size={4}>
            <StateTag state={p.state} label={p.stateLabel} />
            {p.numberLabel && <Tag color="red">{p.numberLabel}</Tag>}
            {p.kindLabel && <Tag>{p.kindLabel}</Tag>}
            {p.keyStatus !== 'none' && (
              <Tag color="magenta">{p.keyStatus === 'approved' ? '重点提案' : '重点提案（提名）'}</Tag>
            )}
            {p.excellentStatus !== 'none' && (
              <Tag color="gold">{p.excellentStatus === 'approved' ? '优秀提案' : '优秀提案（提名）'}</Tag>
            )}
          </Space>
          <Typography.Title level={narrow ? 5 : 4} style={{ margin: 0 }}>
            {p.title}
          </Typography.Title>
          <ProposalActions proposal={p} />
        </Flex>
      </Card>

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

      {reviewing && <SimilarCard id={p.id} />}

      <Card title="基本信息" size="small">
        <Descriptions
          column={narrow ? 1 : 2}
          size="small"
          bordered={!narrow}
          items={[
            { label: '会议', children: p.session?.name },
            { label: '类别', children: p.category },
            { label: '提案人', children: proposerNames },
            { label: '提交时间', children: dateTimeText(p.submittedAt) },
            { label: '建议承办单位', children: p.suggestedUnits.map((u) => u.name).join('、') },
            { label: '办理期限', children: dateText(p.deadline) },
            { label: '答复类别', children: p.answerCategory ? `${p.answerCategory} 类` : '' },
            { label: '联名截止', children: p.state === 'cosigning' ? dateText(p.cosignDeadline) : '' },
          ]
            .filter((item) => item.children)
            .map((item) => ({ key: item.label, ...item }))}
        />
      </Card>

      <Card title="提案内容" size="small">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {p.content}
        </Typography.Paragraph>
        {p.attachmentIds.length > 0 && <Attachments ids={p.attachmentIds} files={p.attachmentFiles} />}
      </Card>

      <Card title="提案人" size="small">
        <List
          size="small"
          dataSource={p.proposers}
          renderItem={(x) => (
            <List.Item>
              <Space wrap size={4}>
                <Typography.Text strong>{x.name}</Typography.Text>
                <Tag>{x.role === 'lead' ? '第一提案人' : '联名提案人'}</Tag>
                <Typography.Text type="secondary">{x.sector}</Typography.Text>
                {x.role === 'co' && (
                  <Tag
                    color={x.status === 'confirmed' ? 'green' : x.status === 'invited' ? 'blue' : 'default'}
                  >
                    {x.invitedAt || x.status !== 'invited' ? x.statusLabel : '未邀请'}
                  </Tag>
                )}
                {x.phone && <Typography.Text type="secondary">{x.phone}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      </Card>

      {p.units.length > 0 && <UnitsCard proposal={p} narrow={narrow} />}

      {p.unitOpinions.length > 0 && (
        <Card title="协办意见" size="small">
          <List
            size="small"
            dataSource={p.unitOpinions}
            renderItem={(o) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <Typography.Text strong>{o.fromUnitName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {dateTimeText(o.createdAt)}
                    {o.contactPerson ? ` · 联系人 ${o.contactPerson}` : ''}
                  </Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                    {o.text}
                  </Typography.Paragraph>
                  {o.attachmentIds.length > 0 && (
                    <Attachments ids={o.attachmentIds} files={p.attachmentFiles} />
                  )}
                </div>
              </List.Item>
            )}
          />
        </Card>
      )}

      {p.answers.length > 0 && <AnswersCard proposal={p} />}

      {p.evaluations.length > 0 && (
        <Card title="双向评议" size="small">
          <List
            size="small"
            dataSource={p.evaluations}
            renderItem={(e) => (
              <List.Item>
                <Space wrap>
                  <Tag>{e.direction === 'unitToProposal' ? '承办单位评提案质量' : '提案人评办理工作'}</Tag>
                  <span>{p.units.find((u) => u.unitId === e.unitId)?.name}</span>
                  <Typography.Text strong>
                    {e.score} 分（{e.grade}）
                  </Typography.Text>
                  {e.comment && <Typography.Text type="secondary">{e.comment}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}

      {(p.supervisors.length > 0 || p.supervisionLogs.length > 0) && (
        <Card title="督办" size="small">
          {p.supervisors.length > 0 && (
            <Typography.Paragraph>
              领衔督办：{p.supervisors.map((s) => s.name).join('、')}
            </Typography.Paragraph>
          )}
          <List
            size="small"
            dataSource={p.supervisionLogs}
            locale={{ emptyText: '暂无督办记录' }}
            renderItem={(l) => (
              <List.Item>
                <Space wrap>
                  <Tag color="purple">
                    {supervisionLogKindLabels[l.kind as keyof typeof supervisionLogKindLabels] ?? l.kind}
                  </Tag>
                  <span>{dateText(l.occurredOn)}</span>
                  <span>{l.author}</span>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{l.text}</span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}

      {p.followups.length > 0 && (
        <Card title="回头看" size="small">
          <List
            size="small"
            dataSource={p.followups}
            renderItem={(f) => (
              <List.Item>
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
              </List.Item>
            )}
          />
        </Card>
      )}

      <Card title="办理过程" size="small">
        {p.timeline.length === 0 ? (
          <Empty description="暂无记录" />
        ) : (
          <Timeline
            items={p.timeline.map((t) => ({
              key: t.id,
              color:
                t.toState === 'rejected' || t.toState === 'withdrawn'
                  ? 'red'
                  : t.toState === 'closed'
                    ? 'green'
                    : 'blue',
              content: (
                <div>
                  <Typography.Text strong>{actionLabel(t.action)}</Typography.Text>
                  {t.fromState && t.toState && t.fromState !== t.toState && (
                    <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                      {proposalStateLabels[t.fromState as ProposalState]} →{' '}
                      {proposalStateLabels[t.toState as ProposalState]}
                    </Typography.Text>
                  )}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dateTimeText(t.createdAt)} {t.actorName ?? ''}
                      {t.actorRole ? `（${roleLabels[t.actorRole as Role] ?? t.actorRole}）` : ''}
                    </Typography.Text>
                  </div>
                  {t.note && <div style={{ whiteSpace: 'pre-wrap' }}>{t.note}</div>}
                </div>
              ),
            }))}
          />
        )}
      </Card>
    </Flex>
  );
}

function Attachments({ ids, files }: { ids: number[]; files: ProposalDetail['attachmentFiles'] }) {
  return (
    <Space wrap style={{ marginTop: 8 }}>
      附件：
      {ids.map((aid, i) => (
        <a key={aid} href={`/api/attachments/${aid}/download`} target="_blank" rel="noreferrer">
          {files.find((f) => f.id === aid)?.fileName ?? `附件${i + 1}`}
        </a>
      ))}
    </Space>
  );
}

function UnitsCard({ proposal: p, narrow }: { proposal: ProposalDetail; narrow: boolean }) {
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

function AnswersCard({ proposal: p }: { proposal: ProposalDetail }) {
  return (
    <Card title="答复" size="small">
      <Flex vertical gap={12}>
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

function SimilarCard({ id }: { id: number }) {
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

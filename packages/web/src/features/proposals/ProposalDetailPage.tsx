import { useParams } from 'react-router';
import { LoadedRecord } from '../../components/LoadedRecord';
import { Card, Descriptions, Flex, Grid, Space, Tag, Typography } from 'antd';
import { useProposal, type ProposalDetail } from '../../api/proposals';
import { dateText, dateTimeText } from '../../components/columns';
import { ProposalActions } from './actions/ProposalActions';
import { StateTag } from './common';
import { EvaluationsCard, FollowupsCard, SupervisionCard, TimelineCard } from './detail/FollowThroughCards';
import { Attachments, AnswersCard, UnitOpinionsCard, UnitsCard } from './detail/HandlingCards';
import { ListCard } from './detail/ListCard';
import { ReviewNotices, SimilarCard } from './detail/ReviewCards';

/** One proposal for whoever may read it: content, people, units, answers, ratings, timeline and the allowed actions. */
export default function ProposalDetailPage() {
  const id = Number(useParams().id);
  const query = useProposal(Number.isInteger(id) && id > 0 ? id : null);
  return (
    <LoadedRecord query={query} notFound="提案不存在或无权查看">
      {(record) => <Detail proposal={record} />}
    </LoadedRecord>
  );
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

      <ReviewNotices proposal={p} />

      {reviewing && <SimilarCard proposal={p} />}

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

      <ListCard
        title="提案人"
        items={p.proposers}
        render={(x) => (
          <Space wrap size={4}>
            <Typography.Text strong>{x.name}</Typography.Text>
            <Tag>{x.role === 'lead' ? '第一提案人' : '联名提案人'}</Tag>
            <Typography.Text type="secondary">{x.sector}</Typography.Text>
            {x.role === 'co' && (
              <Tag color={x.status === 'confirmed' ? 'green' : x.status === 'invited' ? 'blue' : 'default'}>
                {x.invitedAt || x.status !== 'invited' ? x.statusLabel : '未邀请'}
              </Tag>
            )}
            {x.phone && <Typography.Text type="secondary">{x.phone}</Typography.Text>}
          </Space>
        )}
      />

      <UnitsCard proposal={p} narrow={narrow} />
      <UnitOpinionsCard proposal={p} />
      <AnswersCard proposal={p} />
      <EvaluationsCard proposal={p} />
      <SupervisionCard proposal={p} />
      <FollowupsCard proposal={p} />
      <TimelineCard proposal={p} />
    </Flex>
  );
}

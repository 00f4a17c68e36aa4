import { Link, useParams } from 'react-router';
import { LoadedRecord } from '../../components/LoadedRecord';
import { Alert, Card, Descriptions, Flex, Grid, Space, Tag, Typography } from 'antd';
import { opinionAdoptionKindLabels, opinionStateLabels, type OpinionState } from '@cppcc/shared';
import { useOpinion, type OpinionDetail } from '../../api/opinions';
import { Attachments } from '../../components/AttachmentLinks';
import { dateTimeText } from '../../components/columns';
import { ListCard } from '../../components/ListCard';
import { RecordTimeline } from '../../components/RecordTimeline';
import { OpinionActions } from './actions/OpinionActions';
import { OpinionStateTag } from './common';
import { EditPanel, VersionsCard } from './detail/EditPanel';
import { OpinionSimilarCard } from './detail/SimilarCard';
import { ForwardingsCard, InstructionsCard, LedgerCard } from './detail/FeedbackCards';
import { TextDiffView } from './detail/TextDiffView';

/** One opinion for whoever may read it: text, authors, the edit, every feedback event, the timeline and actions. */
export default function OpinionDetailPage() {
  const id = Number(useParams().id);
  const query = useOpinion(Number.isInteger(id) && id > 0 ? id : null);
  return (
    <LoadedRecord query={query} notFound="信息不存在或无权查看">
      {(record) => <Detail opinion={record} />}
    </LoadedRecord>
  );
}

const timelineColor = (toState: string | null) =>
  toState === 'withdrawn' || toState === 'returned'
    ? 'red'
    : toState === 'adopted' || toState === 'combined'
      ? 'green'
      : 'blue';

function Detail({ opinion: o }: { opinion: OpinionDetail }) {
  const narrow = Grid.useBreakpoint().md === false;
  const coauthors = o.coauthors.filter((c) => c.status === 'confirmed').map((c) => c.name);
  const info = [
    { label: '类别', children: o.category },
    { label: '报送人', children: o.organisationName ?? o.submitterName },
    { label: '联名人', children: coauthors.join('、') },
    { label: '共同作者', children: o.contributors.length > 1 ? o.contributors.join('、') : '' },
    {
      label: '报送来源',
      children: o.reportedFrom
        ? `${o.reportedFrom.committeeName}（作者：${o.reportedFrom.authors.join('、')}）`
        : '',
    },
    { label: '报送时间', children: dateTimeText(o.submittedAt) },
    { label: '处理时间', children: dateTimeText(o.decidedAt) },
    { label: '编入期刊', children: o.issues.map((i) => i.label).join('、') },
  ].filter((item) => item.children);

  return (
    <Flex vertical gap={narrow ? 8 : 16}>
      <Card styles={{ body: narrow ? { padding: 12 } : undefined }}>
        <Flex vertical gap={8}>
          <Space wrap size={4}>
            <OpinionStateTag state={o.state} label={o.stateLabel} />
            {o.adoptionKind && <Tag color="green">{opinionAdoptionKindLabels[o.adoptionKind]}</Tag>}
            {o.ledger.map((l) => (
              <Tag key={l.id} color="green">
                {l.text}
              </Tag>
            ))}
          </Space>
          <Typography.Title level={narrow ? 5 : 4} style={{ margin: 0 }}>
            {o.edited?.title ?? o.title}
          </Typography.Title>
          <OpinionActions opinion={o} />
        </Flex>
      </Card>

      {o.returnComment && o.state === 'returned' && (
        <Alert type="warning" showIcon title="退回修改意见" description={o.returnComment} />
      )}
      {o.archiveReason && o.state === 'archived' && (
        <Alert type="info" showIcon title="留存说明" description={o.archiveReason} />
      )}
      {o.combinedInto && (
        <Alert
          type="info"
          showIcon
          title={
            <>
              已综合到 <Link to={`/opinions/${o.combinedInto.id}`}>{o.combinedInto.title}</Link>
            </>
          }
        />
      )}
      {o.sourceProposal && (
        <Alert
          type="info"
          showIcon
          title={
            <>
              由提案转来：<Link to={`/proposals/${o.sourceProposal.id}`}>{o.sourceProposal.title}</Link>
            </>
          }
        />
      )}

      <Card title="基本信息" size="small">
        <Descriptions
          column={narrow ? 1 : 2}
          size="small"
          bordered={!narrow}
          items={info.map((item) => ({ key: item.label, ...item }))}
        />
      </Card>

      <Card title={o.edited ? '原文（报送时）' : '内容'} size="small">
        {o.edited && <Typography.Paragraph strong>{o.title}</Typography.Paragraph>}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {o.content}
        </Typography.Paragraph>
        {o.attachmentIds.length > 0 && <Attachments ids={o.attachmentIds} files={o.attachmentFiles} />}
      </Card>

      {(o.policies.canSaveEdit || o.policies.canCombine) && <OpinionSimilarCard opinion={o} />}

      {o.policies.canSaveEdit ? (
        <EditPanel opinion={o} />
      ) : (
        o.edited && (
          <Card title="编辑稿与原文对照" size="small">
            <TextDiffView
              before={{ title: o.title, content: o.content }}
              after={o.edited}
              beforeLabel="原文"
              afterLabel="编辑稿"
            />
          </Card>
        )
      )}
      <VersionsCard opinion={o} />

      <ListCard
        title="联名人"
        optional
        items={o.coauthors}
        render={(c) => (
          <Space size={4}>
            <Typography.Text strong>{c.name}</Typography.Text>
            <Tag color={c.status === 'confirmed' ? 'green' : c.status === 'invited' ? 'blue' : 'default'}>
              {c.statusLabel}
            </Tag>
          </Space>
        )}
      />
      <ListCard
        title="综合的信息"
        optional
        items={o.combinedFrom}
        render={(c) => (
          <Space wrap size={4}>
            <Link to={`/opinions/${c.id}`}>{c.title}</Link>
            <Typography.Text type="secondary">{c.authors.join('、')}</Typography.Text>
          </Space>
        )}
      />

      <LedgerCard opinion={o} />
      <InstructionsCard opinion={o} />
      <ForwardingsCard opinion={o} />
      <RecordTimeline
        title="处理过程"
        entries={o.timeline}
        actionLabel={(t) => t.actionLabel}
        stateLabel={(s) => opinionStateLabels[s as OpinionState] ?? s}
        color={(t) => timelineColor(t.toState)}
      />
    </Flex>
  );
}

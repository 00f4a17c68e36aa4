import { Card, Descriptions, Form, InputNumber, Radio, Typography } from 'antd';
import type { ActivityCategory } from '@cppcc/shared';
import { AttachmentUpload } from '../../../components/AttachmentUpload';
import { SchemaItem, SchemaText } from '../../../components/schemaFields';
import { WorkflowActions, type WorkflowAction } from '../../../components/WorkflowActions';
import type { ActivityActionContext } from '../actions/context';
import { activityDialog } from '../actions/dialogs';

/** Which outcome fields an activity's category asks for, besides minutes and attachments. */
const asks = (category: ActivityCategory) => ({
  issue: category === 'grassroots',
  visits: category === 'visit',
  instructions: category === 'research' || category === 'inspection' || category === 'supervision',
});

const resolvedChoices = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
  { value: 'unknown', label: '未知' },
];
const resolvedOf = (v: boolean | null) => (v === true ? 'yes' : v === false ? 'no' : 'unknown');
const resolvedText = (v: boolean | null) => (v === true ? '已解决' : v === false ? '未解决' : '未知');
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : undefined);

const RecordOutcomeDialog = activityDialog(
  {
    command: 'recordOutcome',
    title: '登记活动成果',
    okText: '保存',
    success: '活动成果已登记',
    width: 640,
    initialValues: ({ activity: a }) => ({
      minutes: a.minutes ?? '',
      attachmentIds: a.attachmentIds,
      residentIssue: a.residentIssue ?? '',
      issueResolved: resolvedOf(a.issueResolved),
      visitedCount: a.visitedCount,
      leaderInstructions: a.leaderInstructions ?? '',
    }),
    toBody: (v, { activity: a }) => {
      const ask = asks(a.category);
      return {
        minutes: text(v.minutes),
        attachmentIds: (v.attachmentIds as number[] | undefined) ?? [],
        ...(ask.issue && {
          residentIssue: text(v.residentIssue),
          issueResolved: v.issueResolved === 'yes' ? true : v.issueResolved === 'no' ? false : null,
        }),
        ...(ask.visits && { visitedCount: (v.visitedCount as number | null | undefined) ?? null }),
        ...(ask.instructions && { leaderInstructions: text(v.leaderInstructions) }),
        version: a.version,
      };
    },
  },
  function OutcomeFields({ context: { activity: a }, schema }) {
    const ask = asks(a.category);
    return (
      <>
        <SchemaText schema={schema} name="minutes" label="会议纪要 / 活动报告" rows={5} />
        <SchemaItem schema={schema} name="attachmentIds" label="附件">
          <AttachmentUpload />
        </SchemaItem>
        {ask.issue && (
          <>
            <SchemaText schema={schema} name="residentIssue" label="群众反映的问题" rows={3} />
            <Form.Item name="issueResolved" label="问题是否解决">
              <Radio.Group aria-label="问题是否解决" optionType="button" options={resolvedChoices} />
            </Form.Item>
          </>
        )}
        {ask.visits && (
          <SchemaItem schema={schema} name="visitedCount" label="走访对象（人次）">
            <InputNumber min={0} precision={0} style={{ width: 160 }} />
          </SchemaItem>
        )}
        {ask.instructions && (
          <SchemaText schema={schema} name="leaderInstructions" label="领导批示" rows={3} />
        )}
      </>
    );
  },
);

const outcomeActions: readonly WorkflowAction<ActivityActionContext>[] = [
  { key: 'recordOutcome', label: '登记活动成果', ability: 'recordOutcome', dialog: RecordOutcomeDialog },
];

/**
 * 活动成果: what the activity produced as its category asks (the residents' issue and whether it was
 * resolved, how many a visit reached, leaders' instructions), read by everyone who reads the activity;
 * the staff record it while it runs or after it closed. Minutes and attachments show with the activity.
 */
export function ActivityOutcomeCard({ context }: { context: ActivityActionContext }) {
  const a = context.activity;
  const ask = asks(a.category);
  const items = [
    ask.issue && { key: 'issue', label: '群众反映的问题', children: a.residentIssue || '未登记' },
    ask.issue && { key: 'resolved', label: '问题是否解决', children: resolvedText(a.issueResolved) },
    ask.visits && {
      key: 'visited',
      label: '走访对象',
      children: a.visitedCount === null ? '未登记' : `${a.visitedCount} 人次`,
    },
    ask.instructions && {
      key: 'instructions',
      label: '领导批示',
      children: a.leaderInstructions || '未登记',
    },
  ].filter((i): i is { key: string; label: string; children: string } => Boolean(i));
  const canRecord = a.policies.canRecordOutcome === true;
  if (!canRecord && items.every((i) => i.children === '未登记' || i.children === '未知')) return null;
  return (
    <Card
      title="活动成果"
      size="small"
      extra={<WorkflowActions actions={outcomeActions} context={context} policies={a.policies} />}
    >
      {items.length > 0 ? (
        <Descriptions
          column={1}
          size="small"
          items={items.map((i) => ({
            ...i,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{i.children}</span>,
          }))}
        />
      ) : (
        <Typography.Text type="secondary">登记会议纪要、活动报告和附件。</Typography.Text>
      )}
    </Card>
  );
}

import { Form, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { mergeBody, rejectBody, type BatchReviewInput } from '@cppcc/shared';
import { useBatchReview, useProposalFormOptions, type ProposalListItem } from '../../api/proposals';
import { useAssignmentHints } from '../../api/search';
import { showSuccess } from '../../app/notifier';
import { CategoryHint } from './AssignmentHints';
import { CommandModal } from '../../components/CommandModal';
import { MainProposalSelect, RejectFields } from './actions/ReviewDialogs';
import { SchemaItem, SchemaText } from '../../components/schemaFields';

export type BatchDecision = BatchReviewInput['decision'];
/** What a decision gives every picked proposal alike (a ground and reason, the proposal merged into). */
type SharedFields<D extends BatchDecision> = Omit<
  Extract<BatchReviewInput, { decision: D }>,
  'decision' | 'items'
>;

const decisions: Record<BatchDecision, { title: string; okText: string; done: string; danger?: boolean }> = {
  accept: { title: '批量立案', okText: '确定立案', done: '立案' },
  reject: { title: '批量不予立案', okText: '确定不予立案', done: '作不予立案处理', danger: true },
  merge: { title: '批量并案', okText: '确定并案', done: '并案' },
};

/** The picked proposals of a batch dialog, one row each, every row shown (no paging). */
export function BatchTable<T extends { id: number }>({
  rows,
  columns,
}: {
  rows: T[];
  columns: ColumnsType<T>;
}) {
  return (
    <Table<T>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={columns}
    />
  );
}

/** The proposals a review decision may take: submitted or under review (the decision claims them). */
export const reviewable = (p: ProposalListItem) => p.state === 'submitted' || p.state === 'reviewing';

/**
 * 立案审查会: one decision for the picked proposals, all or none. 立案 sets each one's category (as filed
 * unless changed); 不予立案 gives one ground and reason for all; 并案 merges all into one accepted proposal.
 */
export function BatchReviewModal({
  decision,
  proposals,
  onClose,
}: {
  decision: BatchDecision;
  proposals: ProposalListItem[];
  onClose: (done: boolean) => void;
}) {
  const batch = useBatchReview();
  const formOptions = useProposalFormOptions();
  const { title, okText, done, danger } = decisions[decision];
  const items = proposals.map((p) => ({ proposalId: p.id, version: p.version }));
  const hints = useAssignmentHints(
    proposals.map((p) => p.id),
    decision === 'accept',
  ).data?.items;
  const hintOf = (id: number) => hints?.find((h) => h.proposalId === id);

  function toBody(values: Record<string, unknown>): BatchReviewInput {
    if (decision === 'accept') {
      const categories = (values.categories ?? {}) as Record<string, string>;
      return {
        decision,
        items: proposals.map((p) => ({
          proposalId: p.id,
          version: p.version,
          // Sent only where the staff changed what the proposer filed.
          category: categories[p.id] !== p.category ? categories[p.id] : undefined,
        })),
      };
    }
    // The fields are the single command's, checked by its shared schema as the user types.
    if (decision === 'reject') return { ...(values as SharedFields<'reject'>), decision, items };
    return { ...(values as SharedFields<'merge'>), decision, items };
  }

  return (
    <CommandModal
      title={`${title}（共 ${proposals.length} 件）`}
      okText={okText}
      danger={danger}
      width={decision === 'accept' ? 760 : 560}
      open
      onClose={() => onClose(false)}
      initialValues={
        decision === 'accept'
          ? { categories: Object.fromEntries(proposals.map((p) => [p.id, p.category])) }
          : decision === 'reject'
            ? { disposition: 'none' }
            : {}
      }
      toBody={toBody}
      run={async (body) => {
        const result = await batch.mutateAsync(body as BatchReviewInput);
        showSuccess(`已${done} ${result.reviewed.length} 件提案`);
        onClose(true);
      }}
    >
      {(form) => (
        <>
          <Typography.Paragraph type="secondary">
            全部成功才会生效，任何一件有误则都不变；尚未开始审查的提案由您直接审查。
          </Typography.Paragraph>
          {decision === 'accept' && (
            <BatchTable<ProposalListItem>
              rows={proposals}
              columns={[
                { title: '案由', dataIndex: 'title', ellipsis: true },
                {
                  title: '提案人',
                  key: 'proposer',
                  width: 140,
                  ellipsis: true,
                  render: (_, p) => p.organisationName ?? p.leadMemberName,
                },
                {
                  title: '类别',
                  key: 'category',
                  width: 180,
                  render: (_, p) => (
                    <>
                      <Form.Item name={['categories', String(p.id)]} noStyle>
                        <Select
                          aria-label={`${p.title} 类别`}
                          showSearch={{ optionFilterProp: 'label' }}
                          style={{ width: 170 }}
                          options={(formOptions.data?.categories ?? []).map((c) => ({ value: c, label: c }))}
                        />
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate>
                        {() => (
                          <CategoryHint
                            hint={hintOf(p.id)}
                            current={form.getFieldValue(['categories', String(p.id)]) as string | undefined}
                            onPick={(c) => form.setFieldValue(['categories', String(p.id)], c)}
                          />
                        )}
                      </Form.Item>
                    </>
                  ),
                },
              ]}
            />
          )}
          {decision === 'reject' && <RejectFields form={form} schema={rejectBody} />}
          {decision === 'merge' && (
            <>
              <SchemaItem
                schema={mergeBody}
                name="intoProposalId"
                label="并入提案"
                missing="请选择要并入的提案"
              >
                <MainProposalSelect sessionId={proposals[0]?.sessionId} />
              </SchemaItem>
              <SchemaText schema={mergeBody} name="note" label="并案说明" rows={2} />
            </>
          )}
        </>
      )}
    </CommandModal>
  );
}

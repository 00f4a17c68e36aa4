import { useState } from 'react';
import { Form, Radio, Select, Typography } from 'antd';
import { rejectionDispositionLabels } from '@cppcc/shared';
import { useProposalFormOptions, useProposalList } from '../../../api/proposals';
import { toSelectOptions } from '../../../api/resources';
import { useAssignmentHints } from '../../../api/search';
import { CategoryHint } from '../AssignmentHints';
import { commandDialog, type CommandFieldsProps } from './CommandDialog';
import { options, required, SchemaDate, SchemaItem, SchemaText } from '../../../components/schemaFields';

/** The proposer's invitation to the co-proposers they named. */
export const RequestCosignDialog = commandDialog(
  {
    command: 'requestCosign',
    title: '发起联名邀请',
    okText: '发出邀请',
    success: '已发出联名邀请',
    dates: ['deadline'],
  },
  function RequestCosignFields({ schema }) {
    return <SchemaDate schema={schema} name="deadline" label="联名截止日期" extra="不填默认 7 天" future />;
  },
);

export const AcceptDialog = commandDialog(
  {
    command: 'accept',
    title: '立案',
    okText: '确定立案',
    success: '已立案',
    initialValues: ({ proposal: p }) => ({ category: p.category }),
    // The category is sent only when the staff changed it.
    toBody: (v, { proposal: p }) => ({
      category: v.category !== p.category ? (v.category as string) : undefined,
      version: p.version,
    }),
  },
  function AcceptFields({ context: { proposal: p }, form, schema }) {
    const formOptions = useProposalFormOptions();
    const hint = useAssignmentHints([p.id]).data?.items[0];
    const category = Form.useWatch('category', form) as string | undefined;
    return (
      <>
        <Typography.Paragraph type="secondary">立案后自动分配本次会议的提案号。</Typography.Paragraph>
        {/* The body may leave the category as filed; the form asks for one all the same. */}
        <SchemaItem
          schema={schema}
          name="category"
          label="类别"
          rules={[required('类别', '请选择')]}
          extra={
            <CategoryHint hint={hint} current={category} onPick={(c) => form.setFieldValue('category', c)} />
          }
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(formOptions.data?.categories ?? []).map((c) => ({ value: c, label: c }))}
          />
        </SchemaItem>
      </>
    );
  },
);

export const RejectDialog = commandDialog(
  {
    command: 'reject',
    title: '不予立案',
    okText: '确定不予立案',
    success: '已作不予立案处理',
    danger: true,
    initialValues: () => ({ disposition: 'none' }),
  },
  RejectFields,
);

/** 不予立案's fields: a configured ground, the reason, the disposition and, to forward, the department. */
export function RejectFields({ form, schema }: Pick<CommandFieldsProps<'reject'>, 'form' | 'schema'>) {
  const formOptions = useProposalFormOptions();
  return (
    <>
      <SchemaItem schema={schema} name="ground" label="不予立案理由" missing="请选择不予立案理由">
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(formOptions.data?.rejectionGrounds ?? []).map((g) => ({ value: g, label: g }))}
        />
      </SchemaItem>
      <SchemaText schema={schema} name="reason" label="说明" />
      <SchemaItem schema={schema} name="disposition" label="处理方式">
        <Radio.Group aria-label="处理方式" options={options(rejectionDispositionLabels)} />
      </SchemaItem>
      <Form.Item noStyle shouldUpdate>
        {() =>
          form.getFieldValue('disposition') === 'forwardSuggestion' && (
            // Needed only for this disposition: the server checks it, the body schema cannot say so.
            <SchemaItem
              schema={schema}
              name="forwardUnitId"
              label="转交部门"
              rules={[required('转交部门', '请选择')]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={toSelectOptions(formOptions.data?.units)}
              />
            </SchemaItem>
          )
        }
      </Form.Item>
    </>
  );
}

export const MergeDialog = commandDialog(
  {
    command: 'merge',
    title: '并案',
    okText: '确定并案',
    success: '已并案',
    text: { name: 'note', label: '并案说明', rows: 2 },
    initialValues: ({ mergeTarget }) => (mergeTarget ? { intoProposalId: mergeTarget.id } : {}),
  },
  function MergeFields({ context: { proposal: p, mergeTarget }, schema }) {
    return (
      <>
        <SchemaItem schema={schema} name="intoProposalId" label="并入提案" missing="请选择要并入的提案">
          <MainProposalSelect sessionId={p.session?.id} excludeId={p.id} initial={mergeTarget} />
        </SchemaItem>
      </>
    );
  },
);

/** Accepted, not yet closed proposals of the same session, searched by title or number. */
export function MainProposalSelect(props: {
  value?: number;
  onChange?: (v: number) => void;
  sessionId?: number;
  excludeId?: number;
  /** The proposal chosen beforehand, shown by name even when it is not among the first found. */
  initial?: { id: number; label: string };
  id?: string;
}) {
  const [q, setQ] = useState('');
  const list = useProposalList({
    view: 'all',
    stage: 'accepted',
    sessionId: props.sessionId,
    q: q || undefined,
    pageSize: 20,
  });
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder="输入案由或提案号搜索"
      loading={list.isFetching}
      options={[
        ...(props.initial ? [{ value: props.initial.id, label: props.initial.label }] : []),
        ...(list.data?.items ?? [])
          .filter((i) => i.id !== props.excludeId && i.state !== 'closed' && i.id !== props.initial?.id)
          .map((i) => ({ value: i.id, label: `${i.numberLabel} ${i.title}` })),
      ]}
    />
  );
}

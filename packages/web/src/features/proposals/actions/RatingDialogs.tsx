import { Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { proposalCommandRoutes, relevanceLabels, satisfactionLabels } from '@cppcc/shared';
import { commandDialog } from './CommandDialog';
import { options, SchemaItem, SchemaText } from './fields';

/** A proposer rates an approved answer of this round (满意度评价). */
export const RateDialog = commandDialog(
  {
    command: 'rate',
    title: '评价答复',
    okText: '提交评价',
    success: '评价已提交',
    initialValues: ({ viewer }) => ({ answerId: viewer.toRate[0]?.id }),
  },
  function RateFields({
    context: {
      viewer: { toRate },
    },
    schema,
  }) {
    const levels = (name: 'satisfaction' | 'attitude', label: string) => (
      <SchemaItem schema={proposalCommandRoutes.rate.body} name={name} label={label}>
        <Radio.Group aria-label={label} options={options(satisfactionLabels)} />
      </SchemaItem>
    );
    return (
      <>
        {toRate.length > 1 ? (
          <SchemaItem schema={schema} name="answerId" label="答复单位" missing="请选择答复">
            <Select options={toRate.map((a) => ({ value: a.id, label: a.unitName }))} />
          </SchemaItem>
        ) : (
          <Form.Item name="answerId" hidden>
            <Input />
          </Form.Item>
        )}
        {levels('satisfaction', '对答复的满意度')}
        {levels('attitude', '办理态度')}
        <SchemaItem schema={schema} name="relevance" label="是否针对提案">
          <Radio.Group aria-label="是否针对提案" options={options(relevanceLabels)} />
        </SchemaItem>
        <SchemaText schema={schema} name="comment" label="评价意见" />
      </>
    );
  },
);

/** 双向评议: the proposer scores the handling unit, the unit scores the proposal. */
export const EvaluateDialog = commandDialog(
  {
    command: 'evaluate',
    title: '双向评议',
    success: '评议已提交',
    initialValues: ({ proposal: p, viewer }) => ({
      unitId: viewer.mySlot?.unitId ?? p.units.find((u) => u.active && u.role !== 'co')?.unitId,
    }),
  },
  function EvaluateFields({ context: { viewer }, schema }) {
    return (
      <>
        <Typography.Paragraph type="secondary">
          {viewer.mySlot ? '本单位对提案质量评分' : '对承办单位的办理工作评分'}
          （0–100；优秀≥90，良好75–89，一般60–74，较差&lt;60）。双方都评议后才能看到对方的分数。
        </Typography.Paragraph>
        <SchemaItem schema={schema} name="unitId" label="承办单位" missing="请选择承办单位">
          <Select
            disabled={!!viewer.mySlot}
            options={viewer.activeUnits.map((u) => ({
              value: u.unitId,
              label: `${u.name}（${u.roleLabel}）`,
            }))}
          />
        </SchemaItem>
        <SchemaItem schema={schema} name="score" label="分数">
          <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} />
        </SchemaItem>
        <SchemaText schema={schema} name="comment" label="评议意见" />
      </>
    );
  },
);

import { InputNumber, Select, Typography } from 'antd';
import { relevanceLabels, satisfactionLabels } from '@cppcc/shared';
import { commandDialog } from './CommandDialog';
import { options, SchemaItem, SchemaRadio } from '../../../components/schemaFields';

const ratingChoices = [
  ['satisfaction', '对答复的满意度', options(satisfactionLabels)],
  ['attitude', '办理态度', options(satisfactionLabels)],
  ['relevance', '是否针对提案', options(relevanceLabels)],
] as const;

/** A proposer rates an approved answer of this round (满意度评价). */
export const RateDialog = commandDialog(
  {
    command: 'rate',
    title: '评价答复',
    okText: '提交评价',
    success: '评价已提交',
    choose: {
      name: 'answerId',
      label: '答复单位',
      missing: '请选择答复',
      options: ({ viewer }) => viewer.toRate.map((a) => ({ value: a.id, label: a.unitName })),
      onlyWhenMany: true,
    },
    text: {
      name: 'comment',
      label: '评价意见',
      placeholder: '评价为不满意时请写明理由，答复将退回承办单位重新办理',
    },
    confirm: (body) =>
      body.satisfaction === 'dissatisfied'
        ? '确认评价为“不满意”？全部提案人评价后，答复将退回承办单位重新办理。'
        : undefined,
  },
  function RateFields({ schema }) {
    return ratingChoices.map(([name, label, choices]) => (
      <SchemaRadio key={name} schema={schema} name={name} label={label} options={choices} />
    ));
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
    text: { name: 'comment', label: '评议意见' },
  },
  function EvaluateFields({ context, schema }) {
    const { viewer } = context;
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
      </>
    );
  },
);

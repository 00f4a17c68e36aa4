import { Flex, Form, Select, Typography } from 'antd';
import { followupImplementationLabels } from '@cppcc/shared';
import { useProposalFormOptions } from '../../../api/proposals';
import { AttachmentUpload } from '../../../components/AttachmentUpload';
import { commandDialog } from './CommandDialog';
import { HiddenField, options, SchemaItem, SchemaRadio, SchemaText } from '../../../components/schemaFields';

const attachments = (
  <Form.Item name="attachmentIds" label="附件">
    <AttachmentUpload />
  </Form.Item>
);

function useAnswerCategoryOptions() {
  const formOptions = useProposalFormOptions();
  return (formOptions.data?.answerCategories ?? []).map((c) => ({
    value: c.code,
    label: `${c.code} 类（${c.label}）`,
  }));
}

/** The co-unit's opinion to the lead unit. */
export const UnitOpinionDialog = commandDialog(
  {
    command: 'sendUnitOpinion',
    title: '报送协办意见',
    okText: '报送主办单位',
    success: '协办意见已报送主办单位',
    initialValues: ({ proposal: p, viewer }) => ({
      text: p.unitOpinions.find((o) => o.fromUnitId === viewer.mySlot?.unitId)?.text,
    }),
  },
  function UnitOpinionFields({ schema }) {
    return (
      <>
        <SchemaText schema={schema} name="text" label="协办意见" rows={6} />
        <SchemaText schema={schema} name="contactPerson" label="联系人" rows={1} />
        {attachments}
      </>
    );
  },
);

/** The handler drafts or revises the unit's answer of this round. */
export const SaveAnswerDialog = commandDialog(
  {
    command: 'saveAnswer',
    title: ({ viewer }) => `${viewer.myAnswer ? '修改' : '起草'}答复（第 ${viewer.round} 轮）`,
    okText: '保存答复',
    success: '答复已保存，请提交负责人审核',
    width: 720,
    initialValues: ({ viewer: { myAnswer } }) =>
      myAnswer
        ? {
            attachmentIds: myAnswer.attachmentIds,
            category: myAnswer.category,
            text: myAnswer.text,
            contactPerson: myAnswer.contactPerson,
            contactPhone: myAnswer.contactPhone,
          }
        : {},
  },
  function SaveAnswerFields({ context, schema }) {
    const { proposal: p, viewer } = context;
    const { myAnswer } = viewer;
    const categories = useAnswerCategoryOptions();
    return (
      <>
        {myAnswer?.headComment && (
          <Typography.Paragraph type="warning">负责人意见：{myAnswer.headComment}</Typography.Paragraph>
        )}
        {myAnswer?.staffReviewNote && (
          <Typography.Paragraph type="warning">提案委意见：{myAnswer.staffReviewNote}</Typography.Paragraph>
        )}
        {p.unitOpinions.length > 0 && (
          <Typography.Paragraph type="secondary">
            已收到协办意见 {p.unitOpinions.length} 份（见“协办意见”）
          </Typography.Paragraph>
        )}
        <SchemaItem schema={schema} name="category" label="答复类别" missing="请选择答复类别">
          <Select showSearch={{ optionFilterProp: 'label' }} options={categories} />
        </SchemaItem>
        <SchemaText schema={schema} name="text" label="答复内容" rows={8} />
        <Flex gap={12} wrap>
          <SchemaText schema={schema} name="contactPerson" label="联系人" rows={1} />
          <SchemaText schema={schema} name="contactPhone" label="联系电话" rows={1} />
        </Flex>
        {attachments}
      </>
    );
  },
);

/** The proposal staff approve an answer of this round or send it back to its unit. */
export const ReviewAnswerDialog = commandDialog(
  {
    command: 'reviewAnswer',
    title: '审核答复',
    okText: '提交审核意见',
    success: '审核意见已提交',
    width: 640,
    initialValues: ({ viewer: { sentAnswers } }) => ({
      answerId: sentAnswers[0]?.id,
      approve: true,
      category: sentAnswers[0]?.category,
    }),
    text: { name: 'note', label: '审核意见' },
  },
  function ReviewAnswerFields({ context, form, schema }) {
    const { sentAnswers } = context.viewer;
    const categories = useAnswerCategoryOptions();
    return (
      <>
        <SchemaItem schema={schema} name="answerId" label="答复" missing="请选择答复">
          <Select
            options={sentAnswers.map((a) => ({ value: a.id, label: `${a.unitName}（${a.category} 类）` }))}
            onChange={(id) => form.setFieldValue('category', sentAnswers.find((a) => a.id === id)?.category)}
          />
        </SchemaItem>
        <SchemaRadio
          schema={schema}
          name="approve"
          label="审核结果"
          required={false}
          options={[
            { value: true, label: '通过' },
            { value: false, label: '退回承办单位' },
          ]}
        />
        <Form.Item noStyle shouldUpdate>
          {() =>
            form.getFieldValue('approve') && (
              <SchemaItem schema={schema} name="category" label="答复类别" extra="可根据答复实际调整类别">
                <Select showSearch={{ optionFilterProp: 'label' }} options={categories} />
              </SchemaItem>
            )
          }
        </Form.Item>
      </>
    );
  },
);

/** The unit reports how the follow-up (回头看) was carried out. */
export const FollowupReportDialog = commandDialog(
  {
    command: 'reportFollowup',
    title: '报送回头看落实情况',
    success: '落实情况已报送',
    initialValues: ({ viewer }) => ({ followupId: viewer.myFollowups[0]?.id }),
    text: { name: 'report', label: '情况说明', rows: 5 },
  },
  function FollowupReportFields({ context, schema }) {
    const [followup] = context.viewer.myFollowups;
    return (
      <>
        <HiddenField name="followupId" />
        {followup?.requestNote && (
          <Typography.Paragraph type="secondary">要求：{followup.requestNote}</Typography.Paragraph>
        )}
        <SchemaRadio
          schema={schema}
          name="implementation"
          label="落实情况"
          options={options(followupImplementationLabels)}
        />
      </>
    );
  },
);

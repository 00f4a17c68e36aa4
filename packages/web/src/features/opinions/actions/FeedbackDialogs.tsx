import { Form, Input, Radio, Select } from 'antd';
import { useOpinionFormOptions } from '../../../api/opinions';
import { toSelectOptions } from '../../../api/resources';
import { AttachmentUpload } from '../../../components/AttachmentUpload';
import { SchemaDate, SchemaItem, SchemaRadio, SchemaText } from '../../../components/schemaFields';
import { channelOptions, levelOptions } from '../common';
import { opinionDialog } from './dialogs';

// What happens to an adopted article afterwards: reports upward, instructions, forwarding.

export const ReportDialog = opinionDialog(
  {
    command: 'report',
    title: '向上级报送',
    okText: '报送',
    success: '已报送',
    initialValues: ({ opinion: o }) => ({
      target: o.parentLevel && !o.reportedTo.includes(o.parentLevel) ? 'parent' : 'national',
    }),
    text: { name: 'note', label: '报送说明', rows: 2 },
  },
  function ReportFields({ context: { opinion: o }, schema }) {
    const formOptions = useOpinionFormOptions();
    const parentName = formOptions.data?.parentCommitteeName ?? '上级政协';
    return (
      <SchemaItem schema={schema} name="target" label="报送至" missing="请选择报送上级政协或全国政协">
        <Radio.Group
          aria-label="报送至"
          options={[
            {
              value: 'parent',
              label:
                o.parentLevel && o.reportedTo.includes(o.parentLevel)
                  ? `${parentName}（已报送）`
                  : parentName,
              disabled: !o.parentLevel || o.reportedTo.includes(o.parentLevel),
            },
            {
              value: 'national',
              label: o.reportedTo.includes('national') ? '全国政协（已报送）' : '全国政协',
              disabled: o.reportedTo.includes('national'),
            },
          ]}
        />
      </SchemaItem>
    );
  },
);

export const ExternalOutcomeDialog = opinionDialog(
  {
    command: 'recordExternalOutcome',
    title: '登记全国政协采用',
    okText: '登记',
    success: '已登记全国政协采用',
    dates: ['occurredOn'],
    text: { name: 'note', label: '采用情况说明', rows: 2 },
  },
  function ExternalOutcomeFields({ schema }) {
    return <SchemaDate schema={schema} name="occurredOn" label="采用日期" />;
  },
);

export const InstructionDialog = opinionDialog(
  {
    command: 'recordInstruction',
    title: '登记领导批示',
    okText: '登记',
    success: '已登记领导批示',
    width: 600,
    dates: ['instructedOn'],
  },
  function InstructionFields({ schema }) {
    const formOptions = useOpinionFormOptions();
    return (
      <>
        <SchemaText schema={schema} name="leaderName" label="批示领导姓名" rows={1} />
        <SchemaText schema={schema} name="leaderPost" label="批示领导职务" rows={1} />
        <SchemaRadio
          schema={schema}
          name="level"
          label="批示级别"
          missing="请选择批示级别"
          options={levelOptions}
        />
        <SchemaText schema={schema} name="text" label="批示内容" rows={4} />
        <SchemaDate schema={schema} name="instructedOn" label="批示日期" />
        <SchemaItem schema={schema} name="attachmentIds" label="批示件扫描件">
          <AttachmentUpload />
        </SchemaItem>
        <SchemaItem schema={schema} name="unitId" label="落实单位" extra="不填则由信息工作人员登记落实情况">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={toSelectOptions(formOptions.data?.units)}
          />
        </SchemaItem>
      </>
    );
  },
);

export const InstructionDoneDialog = opinionDialog({
  command: 'reportInstructionDone',
  title: '登记落实情况',
  okText: '登记',
  success: '已登记落实情况',
  choose: {
    name: 'instructionId',
    label: '批示',
    missing: '请选择批示',
    onlyWhenMany: true,
    options: ({ opinion }) =>
      opinion.instructions
        .filter((i) => !i.doneAt)
        .map((i) => ({ value: i.id, label: `${i.leaderName}（${i.leaderPost}）${i.instructedOn}` })),
  },
  text: { name: 'result', label: '落实情况', rows: 4 },
});

export const ForwardDialog = opinionDialog(
  {
    command: 'forward',
    title: '转办',
    okText: '转办',
    success: '已转办',
    width: 560,
    dates: ['deadline'],
    initialValues: () => ({ channel: 'hotline' }),
    text: { name: 'note', label: '转办说明', rows: 2 },
  },
  function ForwardFields({ form, schema }) {
    const formOptions = useOpinionFormOptions();
    const hotline = Form.useWatch('channel', form) === 'hotline';
    return (
      <>
        <SchemaRadio
          schema={schema}
          name="channel"
          label="转办渠道"
          missing="请选择转12345热线或有关部门"
          options={channelOptions}
        />
        <SchemaItem
          schema={schema}
          name="unitId"
          label={hotline ? '承办部门（热线派单单位）' : '承办部门'}
          missing="请选择承办部门"
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={toSelectOptions(formOptions.data?.units)}
          />
        </SchemaItem>
        {/* The body's cross-field rule: a hotline forward carries its work-order number. */}
        <SchemaItem
          schema={schema}
          name="workOrderNumber"
          label="工单号"
          required={hotline}
          rules={[{ required: hotline, whitespace: true, message: '转12345热线需填写工单号' }]}
        >
          <Input />
        </SchemaItem>
        <SchemaDate schema={schema} name="deadline" label="办理期限" future />
      </>
    );
  },
);

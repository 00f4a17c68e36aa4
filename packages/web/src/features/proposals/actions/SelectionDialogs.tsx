import { Form, Radio, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { supervisionLogKindLabels } from '@cppcc/shared';
import { useSupervisorCandidates } from '../../../api/proposals';
import { commandDialog } from './CommandDialog';
import { options, SchemaDate, SchemaItem, SchemaRadio } from '../../../components/schemaFields';

/** Staff nominate (or un-nominate) a key proposal and its supervising leaders. */
export const NominateKeyDialog = commandDialog(
  {
    command: 'nominateKey',
    title: '重点提案',
    success: '已保存',
    initialValues: ({ proposal: p }) => ({
      key: p.keyStatus !== 'none',
      supervisorUserIds: p.supervisors.map((s) => s.userId),
    }),
    // A proposal taken off the key list keeps no supervisors.
    toBody: (v, { proposal: p }) => ({
      key: v.key as boolean,
      supervisorUserIds: v.key ? ((v.supervisorUserIds as number[] | undefined) ?? []) : [],
      version: p.version,
    }),
  },
  function NominateKeyFields({ schema }) {
    const supervisors = useSupervisorCandidates(true);
    return (
      <>
        <Form.Item name="key" label="列为重点提案" valuePropName="checked">
          <Switch />
        </Form.Item>
        <SchemaItem schema={schema} name="supervisorUserIds" label="领衔督办领导">
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            placeholder="选择督办领导"
            loading={supervisors.isLoading}
            options={(supervisors.data?.items ?? []).map((s) => ({
              value: s.userId,
              label: `${s.name}（${s.title}）`,
            }))}
          />
        </SchemaItem>
        <Typography.Paragraph type="secondary">提名后由主席会议成员审定。</Typography.Paragraph>
      </>
    );
  },
);

export const NominateExcellentDialog = commandDialog(
  {
    command: 'nominateExcellent',
    title: '优秀提案',
    success: '已保存',
    initialValues: ({ proposal: p }) => ({ excellent: p.excellentStatus !== 'none' }),
  },
  function NominateExcellentFields() {
    return (
      <>
        <Form.Item name="excellent" label="提名为优秀提案" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          优秀提案数量不超过已立案提案的规定比例（默认 5%），由主席会议成员审定。
        </Typography.Paragraph>
      </>
    );
  },
);

/** A leader's decision on a nomination; one dialog for key and excellent proposals. */
function approvalDialog(command: 'approveKey' | 'approveExcellent', title: string) {
  return commandDialog(
    { command, title, success: '审定结果已保存', initialValues: () => ({ approve: true }) },
    function ApprovalFields() {
      return (
        <Form.Item name="approve" label="审定结果">
          <Radio.Group
            aria-label="审定结果"
            options={[
              { value: true, label: '同意' },
              { value: false, label: '不同意' },
            ]}
          />
        </Form.Item>
      );
    },
  );
}

export const ApproveKeyDialog = approvalDialog('approveKey', '审定重点提案');
export const ApproveExcellentDialog = approvalDialog('approveExcellent', '审定优秀提案');

export const SupervisionLogDialog = commandDialog(
  {
    command: 'addSupervisionLog',
    title: '记录督办情况',
    success: '督办记录已保存',
    dates: ['occurredOn'],
    initialValues: () => ({ kind: 'comment', occurredOn: dayjs() }),
    text: { name: 'text', label: '督办情况', rows: 4 },
  },
  function SupervisionLogFields({ schema }) {
    return (
      <>
        <SchemaRadio
          schema={schema}
          name="kind"
          label="督办方式"
          options={options(supervisionLogKindLabels)}
        />
        <SchemaDate schema={schema} name="occurredOn" label="日期" missing="请选择日期" />
      </>
    );
  },
);

/** Staff ask the unit of an approved answer how it was carried out (回头看). */
export const RequestFollowupDialog = commandDialog({
  command: 'requestFollowup',
  title: '发起回头看',
  success: '已发起回头看',
  choose: {
    name: 'answerId',
    label: '答复',
    missing: '请选择答复',
    options: ({ viewer }) =>
      viewer.followupAnswers.map((a) => ({
        value: a.id,
        label: `${a.unitName}（${a.category} 类，第 ${a.round} 轮）`,
      })),
  },
  text: { name: 'note', label: '回头看要求' },
});

import { Form, Radio, Select, Typography } from 'antd';
import { dateText } from '../../../components/columns';
import type { ProposalCommandInput } from '@cppcc/shared';
import { useProposalFormOptions } from '../../../api/proposals';
import { toSelectOptions } from '../../../api/resources';
import { useAssignmentHints } from '../../../api/search';
import { UnitHints } from '../AssignmentHints';
import { commandDialog } from './CommandDialog';
import { isoDay, required, SchemaDate, SchemaItem } from '../../../components/schemaFields';

type AssignedUnits = ProposalCommandInput<'assign'>['units'];

/** The form's two ways of naming units, as the body's list of slots. */
function assignedUnits(v: Record<string, unknown>): AssignedUnits {
  if (v.mode === 'separate')
    return ((v.separateUnitIds as number[]) ?? []).map((unitId) => ({ unitId, role: 'separate' }));
  return [
    ...(v.leadUnitId ? [{ unitId: v.leadUnitId as number, role: 'lead' as const }] : []),
    ...((v.coUnitIds as number[]) ?? []).map((unitId) => ({ unitId, role: 'co' as const })),
  ];
}

/** 交办, and 补充交办 of the slots a unit declined. */
export const AssignDialog = commandDialog(
  {
    command: 'assign',
    title: ({ proposal: p }) => (p.state === 'accepted' ? '交办' : '补充交办（重新分配退办的单位）'),
    okText: '确定交办',
    success: '已交办',
    width: 640,
    initialValues: ({ proposal: p }) => ({
      mode: p.assignmentMode === 'separate' ? 'separate' : 'lead',
      coUnitIds: [],
      separateUnitIds: [],
    }),
    toBody: (v, { proposal: p }) => ({
      units: assignedUnits(v),
      deadline: isoDay(v.deadline),
      version: p.version,
    }),
  },
  function AssignFields({ context, form, schema }) {
    const p = context.proposal;
    const { activeUnits } = context.viewer;
    const formOptions = useProposalFormOptions();
    const unitOptions = toSelectOptions(formOptions.data?.units);
    const first = p.state === 'accepted';
    const hint = useAssignmentHints([p.id], first).data?.items[0];
    // Units are named through `mode`, not through the body's `units`: their rules are the form's own.
    const unitSelect = (
      name: string,
      label: string,
      rules = [required(label, '请选择')],
      multiple = true,
    ) => (
      <Form.Item name={name} label={label} rules={rules}>
        <Select
          mode={multiple ? 'multiple' : undefined}
          allowClear={!multiple}
          showSearch={{ optionFilterProp: 'label' }}
          options={unitOptions}
        />
      </Form.Item>
    );
    return (
      <>
        {first ? (
          <UnitHints
            hint={hint}
            onPick={(unitId) =>
              form.getFieldValue('mode') === 'separate'
                ? form.setFieldValue('separateUnitIds', [
                    ...new Set([...((form.getFieldValue('separateUnitIds') as number[]) ?? []), unitId]),
                  ])
                : form.setFieldValue('leadUnitId', unitId)
            }
          />
        ) : (
          p.suggestedUnits.length > 0 && (
            <Typography.Paragraph type="secondary">
              提案人建议：{p.suggestedUnits.map((u) => u.name).join('、')}
            </Typography.Paragraph>
          )
        )}
        {activeUnits.length > 0 && (
          <Typography.Paragraph type="secondary">
            在办单位：{activeUnits.map((u) => `${u.name}（${u.roleLabel}）`).join('、')}
          </Typography.Paragraph>
        )}
        <Form.Item name="mode" label="交办方式">
          <Radio.Group
            aria-label="交办方式"
            options={[
              { value: 'lead', label: '主办 + 协办' },
              { value: 'separate', label: '分办（各自答复）' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {() =>
            form.getFieldValue('mode') === 'separate' ? (
              unitSelect('separateUnitIds', '分办单位')
            ) : (
              <>
                {unitSelect(
                  'leadUnitId',
                  '主办单位',
                  activeUnits.some((u) => u.role === 'lead') ? [] : [required('主办单位', '请选择')],
                  false,
                )}
                {unitSelect('coUnitIds', '协办单位', [])}
              </>
            )
          }
        </Form.Item>
        {first && (
          <SchemaDate
            schema={schema}
            name="deadline"
            label="办理期限"
            extra="不填则按系统设置（默认交办后 3 个月）"
            future
          />
        )}
      </>
    );
  },
);

export const ExtendDialog = commandDialog(
  {
    command: 'extendDeadline',
    title: '延期',
    okText: '确定延期',
    success: '已延期',
    dates: ['deadline'],
    initialValues: ({ viewer }) => ({ unitId: viewer.activeUnits[0]?.unitId }),
    text: { name: 'reason', label: '延期理由' },
  },
  function ExtendFields({ context, schema }) {
    const { activeUnits } = context.viewer;
    const formOptions = useProposalFormOptions();
    return (
      <>
        <SchemaItem schema={schema} name="unitId" label="承办单位" missing="请选择承办单位">
          <Select
            options={activeUnits.map((u) => ({
              value: u.unitId,
              label: `${u.name}（期限 ${dateText(u.deadline)}）`,
            }))}
          />
        </SchemaItem>
        <SchemaDate
          schema={schema}
          name="deadline"
          label="延至"
          missing="请选择延期后的期限"
          extra={`延期不能超过交办后 ${formOptions.data?.maxExtensionMonths ?? 6} 个月`}
          future
        />
      </>
    );
  },
);

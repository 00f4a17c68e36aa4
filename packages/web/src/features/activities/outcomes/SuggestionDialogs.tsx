import { Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { suggestionContentMax, updateSuggestionBody } from '@cppcc/shared';
import { useUpdateSuggestion } from '../../../api/activity-outcomes';
import { toSelectOptions, useOrganisationOptions } from '../../../api/resources';
import { showSuccess } from '../../../app/notifier';
import { AttachmentUpload } from '../../../components/AttachmentUpload';
import { CommandModal } from '../../../components/CommandModal';
import { isoDay, SchemaDate, SchemaItem, type BodySchema } from '../../../components/schemaFields';
import type { ActionDialogProps } from '../../../components/WorkflowActions';
import { suggestionDialog, type SuggestionContext } from './context';

// The dialogs of a suggestion: 报送, 登记采纳 / 未采纳 / 落实, 撤回登记 and 修改.

/** The departments a suggestion may go to (the unit list of the other forms). */
export function UnitSelect(props: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
}) {
  const options = useOrganisationOptions();
  return (
    <Select
      id={props.id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="请选择部门"
      value={props.value ?? undefined}
      onChange={(v?: number) => props.onChange?.(v ?? null)}
      options={toSelectOptions(options.data?.units)}
      loading={options.isPending}
    />
  );
}

export const SendDialog = suggestionDialog(
  {
    command: 'send',
    title: '报送意见建议',
    okText: '报送',
    success: '已报送，等待部门反馈',
    dates: ['deadline'],
    initialValues: ({ suggestion: s }) => ({
      unitId: s.unitId ?? undefined,
      deadline: s.deadline ? dayjs(s.deadline) : undefined,
    }),
  },
  function SendFields({ context, schema }) {
    return (
      <>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
          {context.suggestion.content}
        </Typography.Paragraph>
        <SchemaItem schema={schema} name="unitId" label="报送部门" missing="请选择报送部门">
          <UnitSelect />
        </SchemaItem>
        <SchemaDate schema={schema} name="deadline" label="反馈期限" missing="请选择反馈期限" future />
      </>
    );
  },
);

export const AdoptDialog = suggestionDialog(
  {
    command: 'adopt',
    title: '登记采纳',
    okText: '登记',
    success: '已登记采纳',
    dates: ['adoptedOn'],
    initialValues: () => ({ adoptedOn: dayjs() }),
    text: { name: 'feedback', label: '采纳情况', rows: 4 },
  },
  function AdoptFields({ schema }) {
    return <SchemaDate schema={schema} name="adoptedOn" label="采纳日期" missing="请选择采纳日期" />;
  },
);

export const DeclineDialog = suggestionDialog({
  command: 'decline',
  title: '登记未采纳',
  okText: '登记',
  danger: true,
  success: '已登记未采纳',
  text: { name: 'feedback', label: '未采纳的原因', rows: 3 },
});

export const ImplementDialog = suggestionDialog(
  {
    command: 'implement',
    title: '登记落实',
    okText: '登记',
    success: '已登记落实',
    width: 600,
    dates: ['implementedOn'],
    initialValues: () => ({ implementedOn: dayjs(), evidenceAttachmentIds: [] }),
  },
  function ImplementFields({ schema }) {
    return (
      <>
        <SchemaItem schema={schema} name="feedback" label="落实情况">
          <Input.TextArea rows={4} />
        </SchemaItem>
        <SchemaDate schema={schema} name="implementedOn" label="落实日期" missing="请选择落实日期" />
        <SchemaItem schema={schema} name="evidenceAttachmentIds" label="佐证材料">
          <AttachmentUpload />
        </SchemaItem>
      </>
    );
  },
);

export const ReopenDialog = suggestionDialog({
  command: 'reopen',
  title: '撤回登记',
  okText: '确定撤回',
  danger: true,
  success: '已撤回上一步登记',
  warning: '撤回后建议退回上一步（已落实退回已采纳，已采纳或未采纳退回已报送），原登记内容记入审计日志。',
  text: { name: 'reason', label: '撤回登记的理由', rows: 2 },
});

const editSchema = updateSuggestionBody as unknown as BodySchema;

/** 修改: the content, department and deadline while the suggestion waits (the PATCH, not a command). */
export function EditDialog({ context, open, onClose, afterClose }: ActionDialogProps<SuggestionContext>) {
  const s = context.suggestion;
  const update = useUpdateSuggestion(s.id);
  return (
    <CommandModal
      title="修改意见建议"
      okText="保存"
      open={open}
      onClose={onClose}
      afterClose={afterClose}
      width={600}
      initialValues={{
        content: s.content,
        unitId: s.unitId,
        deadline: s.deadline ? dayjs(s.deadline) : null,
      }}
      toBody={(v) => ({
        content: v.content,
        unitId: (v.unitId as number | null | undefined) ?? null,
        deadline: isoDay(v.deadline) ?? null,
        version: s.version,
      })}
      run={async (body) => {
        await update.mutateAsync(body as Parameters<typeof update.mutateAsync>[0]);
        showSuccess('意见建议已修改');
      }}
    >
      {() => <SuggestionFields schema={editSchema} />}
    </CommandModal>
  );
}

/** Content, department and deadline, for a new suggestion and for an edit. */
export function SuggestionFields({ schema }: { schema: BodySchema }) {
  return (
    <>
      <SchemaItem schema={schema} name="content" label="建议内容">
        <Input.TextArea rows={5} showCount maxLength={suggestionContentMax} />
      </SchemaItem>
      <SchemaItem schema={schema} name="unitId" label="报送部门" extra="可在报送时再选">
        <UnitSelect />
      </SchemaItem>
      <SchemaDate schema={schema} name="deadline" label="反馈期限" future />
    </>
  );
}

import { Input, Radio, Select, Typography } from 'antd';
import { createSpeechBody, speechTitleMax } from '@cppcc/shared';
import { useCreateSpeech } from '../../../api/activity-outcomes';
import { showSuccess } from '../../../app/notifier';
import { AttachmentUpload } from '../../../components/AttachmentUpload';
import { CommandModal } from '../../../components/CommandModal';
import { RecordSelect } from '../../../components/RecordSelect';
import { blank, SchemaItem, SchemaText, type BodySchema } from '../../../components/schemaFields';
import { speechModeOptions } from './common';

const schema = createSpeechBody as unknown as BodySchema;
type Choice = { value: number; label: string };

/**
 * 提交书面发言 (a member, for an activity they were invited to) or 登记发言 (the staff, for a member,
 * written or oral, accepted at once). `activityId` fixes the activity; otherwise `activities` are offered.
 */
export function SpeechFormDialog(props: {
  open: boolean;
  onClose: () => void;
  afterClose?: () => void;
  /** The staff record a speech for a member: the activity's invitees to choose from (any member when none). */
  forMember?: { invitees: Choice[] };
  activityId?: number;
  activities?: Choice[];
}) {
  const create = useCreateSpeech();
  const staff = props.forMember !== undefined;
  const invitees = props.forMember?.invitees ?? [];
  return (
    <CommandModal
      title={staff ? '登记发言' : '提交书面发言'}
      okText={staff ? '登记' : '提交'}
      open={props.open}
      onClose={props.onClose}
      afterClose={props.afterClose}
      width={640}
      initialValues={{
        mode: 'written',
        attachmentIds: [],
        activityId: props.activityId ?? props.activities?.[0]?.value,
      }}
      toBody={(v) => {
        const content = blank(v.content) as string | undefined;
        const attachmentIds = (v.attachmentIds as number[] | undefined) ?? [];
        if (!content && attachmentIds.length === 0) throw new Error('请填写发言内容或上传发言稿');
        return {
          activityId: props.activityId ?? (v.activityId as number),
          ...(staff && { memberId: v.memberId as number }),
          mode: staff ? (v.mode as 'written' | 'oral') : 'written',
          title: v.title as string,
          content,
          attachmentIds,
        };
      }}
      run={async (body) => {
        await create.mutateAsync(body as Parameters<typeof create.mutateAsync>[0]);
        showSuccess(staff ? '发言已登记并收录' : '书面发言已提交，等待收录');
      }}
    >
      {() => (
        <>
          {props.activityId === undefined && (
            <SchemaItem schema={schema} name="activityId" label="活动" missing="请选择活动">
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={props.activities ?? []}
                notFoundContent="暂无可提交发言的活动"
              />
            </SchemaItem>
          )}
          {staff && (
            <SchemaItem
              schema={schema}
              name="memberId"
              label="发言委员"
              missing="请选择发言委员"
              rules={[{ required: true, message: '请选择发言委员' }]}
            >
              {invitees.length > 0 ? (
                <Select showSearch={{ optionFilterProp: 'label' }} options={invitees} placeholder="请选择" />
              ) : (
                <RecordSelect endpoint="/api/members" placeholder="输入委员姓名搜索" />
              )}
            </SchemaItem>
          )}
          {staff ? (
            <SchemaItem schema={schema} name="mode" label="发言方式" missing="请选择发言方式">
              <Radio.Group aria-label="发言方式" optionType="button" options={speechModeOptions} />
            </SchemaItem>
          ) : (
            <Typography.Paragraph type="secondary">
              书面发言经工作人员收录后计入履职；口头发言由工作人员登记。
            </Typography.Paragraph>
          )}
          <SchemaItem schema={schema} name="title" label="发言题目">
            <Input maxLength={speechTitleMax} showCount />
          </SchemaItem>
          <SchemaText schema={schema} name="content" label="发言内容" rows={6} />
          <SchemaItem schema={schema} name="attachmentIds" label="发言稿附件">
            <AttachmentUpload />
          </SchemaItem>
        </>
      )}
    </CommandModal>
  );
}

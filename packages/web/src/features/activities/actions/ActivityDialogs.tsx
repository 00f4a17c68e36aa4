import { Form, Input, Radio, Select, Switch, Typography } from 'antd';
import { attendanceLabels, type AttendanceResult } from '@cppcc/shared';
import { SchemaItem, options } from '../../../components/schemaFields';
import { InviteeFields, selectionOf, selectsAnyone } from '../InviteeFields';
import type { ActivityActionContext } from './context';
import { activityDialog } from './dialogs';

// The staff's dialogs on an activity: invitations, attendance marks, closing, reopening, cancelling.

export const InviteDialog = activityDialog(
  {
    command: 'invite',
    title: '邀请委员',
    okText: '邀请',
    success: '已邀请',
    width: 720,
    initialValues: () => ({ mandatory: true }),
    toBody: (v, { activity }) => {
      const selection = selectionOf(v.selection);
      if (!selectsAnyone(selection)) throw new Error('请选择要邀请的委员、小组、界别或专委会');
      return { selection, mandatory: v.mandatory !== false, version: activity.version };
    },
  },
  function InviteFields({ context: { activity } }) {
    return (
      <>
        {activity.state === 'published' && (
          <Typography.Paragraph type="secondary">活动已发布，新邀请的委员将收到通知。</Typography.Paragraph>
        )}
        <InviteeFields prefix="selection" />
        <Form.Item name="mandatory" label="须出席（计入出勤率）" valuePropName="checked">
          <Switch />
        </Form.Item>
      </>
    );
  },
);

export const RemoveInvitationDialog = activityDialog(
  {
    command: 'removeInvitation',
    title: '取消邀请',
    okText: '取消邀请',
    danger: true,
    success: '已取消邀请',
    width: 560,
    initialValues: ({ selected }) => ({ memberIds: selected.map((i) => i.memberId) }),
  },
  function RemoveFields({ context: { activity }, schema }) {
    return (
      <SchemaItem schema={schema} name="memberIds" label="委员" missing="请选择要取消邀请的委员">
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={activity.invitations.map((i) => ({
            value: i.memberId,
            label: `${i.memberName}（${i.sectorName}）`,
          }))}
        />
      </SchemaItem>
    );
  },
);

/** Picked rows whose result is already set (and differs from the new one) are corrected, with a reason. */
const corrections = (c: ActivityActionContext, next: unknown) =>
  c.selected.filter((i) => i.attendance !== null && i.attendance !== next);

export const MarkAttendanceDialog = activityDialog(
  {
    command: 'markAttendance',
    title: ({ selected }) => `登记出席情况（${selected.length} 人）`,
    okText: '登记',
    success: '出席情况已登记',
    toBody: (v, c) => ({
      entries: c.selected.map((i) => ({
        memberId: i.memberId,
        attendance: v.attendance as AttendanceResult,
      })),
      reason: typeof v.reason === 'string' && v.reason.trim() ? v.reason.trim() : undefined,
      version: c.activity.version,
    }),
  },
  function MarkFields({ context, form }) {
    const next = Form.useWatch('attendance', form);
    const corrected = corrections(context, next);
    return (
      <>
        <Typography.Paragraph>{context.selected.map((i) => i.memberName).join('、')}</Typography.Paragraph>
        <Form.Item name="attendance" label="出席情况" rules={[{ required: true, message: '请选择出席情况' }]}>
          <Radio.Group aria-label="出席情况" optionType="button" options={options(attendanceLabels)} />
        </Form.Item>
        {corrected.length > 0 && (
          <>
            <Typography.Paragraph type="warning">
              {corrected.map((i) => `${i.memberName}（原为${i.attendanceLabel}）`).join('、')}
              已有登记，本次为更正，须说明理由（记入审计日志）。
            </Typography.Paragraph>
            <Form.Item
              name="reason"
              label="更正理由"
              rules={[
                { required: true, whitespace: true, message: '请填写更正理由' },
                { max: 200, message: '更正理由不超过 200 个字' },
              ]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </>
    );
  },
);

/** `出席 9 人、请假 1 人 …` of a per-result count. */
export const resultText = (byResult: Partial<Record<AttendanceResult, number>>) =>
  (Object.keys(attendanceLabels) as AttendanceResult[])
    .map((r) => `${attendanceLabels[r]} ${byResult[r] ?? 0} 人`)
    .join('、');

/** How many invitees closing now makes 缺席 that no one marked so. */
export const becomingAbsent = (c: ActivityActionContext) =>
  c.activity.invitations.filter((i) => i.attendance === null && i.expectedAttendance === 'absent').length;

export const CloseDialog = activityDialog(
  {
    command: 'close',
    title: '结束活动',
    okText: '确定结束',
    success: '活动已结束，出席情况已定稿',
    width: 600,
    text: { name: 'minutes', label: '会议纪要', rows: 5 },
  },
  function CloseFields({ context }) {
    const absent = becomingAbsent(context);
    const { byResult } = context.activity.summary;
    return (
      <Typography.Paragraph type="warning">
        结束后出席情况定稿并记入委员履职档案。
        {context.activity.tracksAttendance &&
          (absent > 0 ? `尚未签到、也未准假的 ${absent} 名委员将记为缺席。` : '没有未签到又未准假的委员。')}
        {`结束后：${resultText(byResult)}。`}
      </Typography.Paragraph>
    );
  },
);

export const ReopenDialog = activityDialog({
  command: 'reopen',
  title: '重新打开活动',
  okText: '重新打开',
  danger: true,
  success: '活动已重新打开',
  warning: '重新打开后出席情况和履职记录撤回，可更正后再次结束活动。',
  text: { name: 'reason', label: '重新打开的理由', rows: 2 },
});

export const CancelDialog = activityDialog({
  command: 'cancel',
  title: '取消活动',
  okText: '确定取消活动',
  danger: true,
  success: '活动已取消',
  warning: '取消后活动不能恢复。',
  text: { name: 'reason', label: '取消理由', rows: 2 },
});

import { useNavigate, useParams } from 'react-router';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Skeleton,
  Switch,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import type { z } from 'zod';
import {
  createActivityBody,
  defaultInviteeLabels,
  updateActivityBody,
  type ActivityOrganiserType,
} from '@cppcc/shared';
import {
  useActivity,
  useActivityFormOptions,
  useSaveActivity,
  type ActivityDetail,
  type ActivityFormOptions,
} from '../../api/activities';
import { usePlanItemOptions } from '../../api/consultation-plans';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { FormCard } from '../../components/FormCard';
import { blank } from '../../components/schemaFields';
import { useDraftForm } from '../../components/useDraftForm';
import { validateBody, zodRule } from '../../components/zodForm';
import { useCurrentUser } from '../../hooks/useCurrentUser';
import { organiserTypeOptions } from './common';
import { InviteeFields, selectionOf } from './InviteeFields';
import { zonedIso, zonedWall } from './time';

interface Values {
  kind?: string;
  topic?: string;
  organiserType?: ActivityOrganiserType;
  organiserId?: number | null;
  startsAt?: Dayjs;
  endsAt?: Dayjs;
  place?: string;
  agenda?: string;
  otherParticipants?: string;
  residentCount?: number;
  otherCount?: number;
  attachmentIds?: number[];
  planItemId?: number | null;
  inviteDefault?: boolean;
  mandatory?: boolean;
  invite?: unknown;
}

const labels: Record<string, string> = {
  kind: '活动类型',
  topic: '活动主题',
  organiserType: '组织方',
  organiserId: '组织单位',
  startsAt: '开始时间',
  endsAt: '结束时间',
  place: '地点',
};

/** People besides the members: counted, not invited. */
const counts = [
  { name: 'residentCount', label: '参加群众人数' },
  { name: 'otherCount', label: '其他参加人数' },
] as const;

/** 新建活动 / 修改活动 (staff). Invitations of a saved activity are the detail's 邀请委员. */
export default function ActivityEditPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const existing = useActivity(id);
  const formOptions = useActivityFormOptions();
  if ((id !== null && existing.isPending) || formOptions.isPending) return <Skeleton active />;
  if (id !== null && !existing.data) return <Result status="404" title="活动不存在或无权查看" />;
  if (!formOptions.data) return <Result status="error" title={formOptions.error?.message ?? '加载失败'} />;
  if (existing.data && !existing.data.policies.canUpdate)
    return (
      <Result status="warning" title="该活动当前不能修改" subTitle={`状态：${existing.data.stateLabel}`} />
    );
  return <ActivityForm key={id ?? 'new'} existing={existing.data ?? null} options={formOptions.data} />;
}

function ActivityForm({
  existing,
  options,
}: {
  existing: ActivityDetail | null;
  options: ActivityFormOptions;
}) {
  const navigate = useNavigate();
  const zone = useCurrentUser().committee.timeZone;
  const [form] = Form.useForm<Values>();
  const save = useSaveActivity();
  const kindCode = Form.useWatch('kind', form);
  const organiserType = Form.useWatch('organiserType', form);
  const kind = options.kinds.find((k) => k.code === kindCode);
  const organisers = options.organisers.filter((o) => o.type === organiserType && o.id !== null);
  const startsAt = Form.useWatch('startsAt', form);
  // The items of the plan of the year the activity starts in (the committee's zone).
  const planYear = startsAt ? startsAt.year() : existing ? zonedWall(existing.startsAt, zone).year() : null;
  const planItems = usePlanItemOptions(planYear);
  const schema: z.ZodType = existing ? updateActivityBody : createActivityBody;

  const initialValues: Values = existing
    ? {
        kind: existing.kind,
        topic: existing.topic,
        organiserType: existing.organiserType,
        organiserId: existing.organiserId,
        startsAt: zonedWall(existing.startsAt, zone),
        endsAt: zonedWall(existing.endsAt, zone),
        place: existing.place,
        agenda: existing.agenda ?? undefined,
        otherParticipants: existing.otherParticipants ?? undefined,
        residentCount: existing.residentCount,
        otherCount: existing.otherCount,
        attachmentIds: existing.attachmentIds,
        planItemId: existing.planItemId,
      }
    : {
        organiserType: 'committee',
        residentCount: 0,
        otherCount: 0,
        attachmentIds: [],
        inviteDefault: true,
        mandatory: true,
      };

  const draft = useDraftForm({
    form,
    detailPath: (id) => `/activities/${id}`,
    save: async (v: Values) => {
      const fields = {
        topic: blank(v.topic),
        organiserType: v.organiserType,
        organiserId: v.organiserType === 'committee' ? null : (v.organiserId ?? null),
        startsAt: v.startsAt ? zonedIso(v.startsAt, zone) : undefined,
        endsAt: v.endsAt ? zonedIso(v.endsAt, zone) : undefined,
        place: blank(v.place),
        agenda: blank(v.agenda),
        otherParticipants: blank(v.otherParticipants),
        residentCount: v.residentCount ?? 0,
        otherCount: v.otherCount ?? 0,
        attachmentIds: v.attachmentIds ?? [],
        planItemId: v.planItemId ?? null,
      };
      const body = existing
        ? { ...fields, version: existing.version }
        : {
            ...fields,
            kind: v.kind,
            invite: selectionOf(v.invite),
            inviteDefault: v.inviteDefault !== false,
            mandatory: v.mandatory !== false,
          };
      // The end after the start is a rule across fields: checked on the whole body.
      if (!validateBody(form, schema, body, labels)) throw new Error('请检查填写的内容');
      return save.mutateAsync({ id: existing?.id, body });
    },
  });
  const { busy, problem } = draft;
  const rule = (name: keyof typeof labels & keyof typeof createActivityBody.shape) =>
    zodRule(createActivityBody, name, labels[name]!);

  return (
    <FormCard title={existing ? '修改活动' : '新建活动'}>
      <Form form={form} layout="vertical" requiredMark initialValues={initialValues}>
        <Form.Item name="kind" label="活动类型" required rules={[rule('kind')]}>
          <Select
            disabled={!!existing}
            placeholder="请选择"
            showSearch={{ optionFilterProp: 'label' }}
            options={options.kinds.map((k) => ({ value: k.code, label: k.label }))}
          />
        </Form.Item>
        {!existing && kind && kind.defaultInvitees !== 'none' && (
          <Form.Item name="inviteDefault" valuePropName="checked">
            <Checkbox>
              自动邀请{defaultInviteeLabels[kind.defaultInvitees as keyof typeof defaultInviteeLabels]}（
              {kind.label}的默认参加范围）
            </Checkbox>
          </Form.Item>
        )}
        {kind && !kind.tracksAttendance && (
          <Typography.Paragraph type="secondary">该类型活动不考勤，不设签到。</Typography.Paragraph>
        )}
        <Form.Item name="topic" label="活动主题" required rules={[rule('topic')]}>
          <Input count={{ show: true, max: 80 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="organiserType" label="组织方" required rules={[rule('organiserType')]}>
              <Select
                options={organiserTypeOptions}
                onChange={() => form.setFieldValue('organiserId', null)}
              />
            </Form.Item>
          </Col>
          {organiserType && organiserType !== 'committee' && (
            <Col xs={24} md={14}>
              <Form.Item
                name="organiserId"
                label="组织单位"
                required
                rules={[{ required: true, message: '请选择组织单位' }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="请选择"
                  options={organisers.map((o) => ({ value: o.id, label: o.name }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          {(['startsAt', 'endsAt'] as const).map((name) => (
            <Col key={name} xs={24} md={12}>
              <Form.Item
                name={name}
                label={labels[name]}
                required
                rules={[{ required: true, message: `请选择${labels[name]}` }]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm', minuteStep: 5 }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="place" label="地点" required rules={[rule('place')]}>
          <Input />
        </Form.Item>
        <Form.Item name="agenda" label="议程" rules={[zodRule(createActivityBody, 'agenda', '议程')]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
        </Form.Item>
        <Form.Item
          name="otherParticipants"
          label="其他参加单位"
          extra="参加的部门、单位等（非委员）"
          rules={[zodRule(createActivityBody, 'otherParticipants', '其他参加单位')]}
        >
          <Input />
        </Form.Item>
        <Row gutter={16}>
          {counts.map(({ name, label }) => (
            <Col key={name} xs={12}>
              <Form.Item name={name} label={label} rules={[zodRule(createActivityBody, name, label)]}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item
          name="planItemId"
          label="协商计划项目"
          extra={
            planYear
              ? `本活动落实的${planYear}年度协商计划项目（可不选）`
              : '选择开始时间后可选年度协商计划项目'
          }
        >
          <Select
            allowClear
            placeholder="不属于年度协商计划"
            loading={planItems.isFetching}
            options={(planItems.data ?? []).map((o) => ({ value: o.id, label: o.label }))}
            notFoundContent={planItems.isFetching ? '加载中…' : '该年度没有协商计划项目'}
          />
        </Form.Item>
        <Form.Item name="attachmentIds" label="附件" extra="通知、议程、材料等">
          <AttachmentUpload />
        </Form.Item>
        {!existing && (
          <>
            <Divider titlePlacement="start">邀请委员</Divider>
            <Typography.Paragraph type="secondary">
              除默认参加范围外另行邀请；保存后也可在活动页“邀请委员”。活动发布后被邀请委员收到通知。
            </Typography.Paragraph>
            <InviteeFields prefix="invite" />
            <Form.Item name="mandatory" label="须出席（计入出勤率）" valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        )}
        {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} />}
        <Flex gap={8} wrap>
          <Button
            type="primary"
            onClick={() => draft.saveThen(null, existing ? '活动已保存' : '活动已创建')}
            loading={busy}
          >
            保存
          </Button>
          <Button type="link" onClick={() => navigate(-1)}>
            返回
          </Button>
        </Flex>
      </Form>
    </FormCard>
  );
}

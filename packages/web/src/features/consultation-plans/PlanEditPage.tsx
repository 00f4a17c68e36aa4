import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Col, Flex, Form, Input, Result, Row, Select, Skeleton, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  createConsultationPlanBody,
  planItemInput,
  planTopicMax,
  updateConsultationPlanBody,
  type PlanItemInput,
} from '@cppcc/shared';
import { useActivityFormOptions, type ActivityFormOptions } from '../../api/activities';
import { useConsultationPlan, useSavePlan, type ConsultationPlanDetail } from '../../api/consultation-plans';
import { errorText } from '../../components/CommandModal';
import { FormCard } from '../../components/FormCard';
import { blank } from '../../components/schemaFields';
import { applyServerErrors, validateBody, zodRule } from '../../components/zodForm';
import { showSuccess } from '../../app/notifier';
import { planYearOptions, quarterOptions } from './common';
import { thisYear } from '../../app/timeZone';

interface ItemValues {
  id?: number;
  topic?: string;
  kind?: string;
  leadSpecialCommitteeId?: number | null;
  quarter?: number;
  note?: string;
}
interface Values {
  year?: number;
  title?: string;
  items?: ItemValues[];
}

/** Each item field checked by the shared item schema while the user types. */
const itemLabels = { topic: '协商议题', kind: '协商形式', quarter: '季度', note: '备注' } as const;
const itemRule = (name: keyof typeof itemLabels, missing?: string) =>
  zodRule(planItemInput, name, itemLabels[name], undefined, missing);
const planRule = (name: 'year' | 'title', label: string, missing?: string) =>
  zodRule(createConsultationPlanBody, name, label, undefined, missing);

/** 编制 / 修改年度协商计划 (liaison staff): the title and the editable list of items. */
export default function PlanEditPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const existing = useConsultationPlan(id);
  const options = useActivityFormOptions();
  if ((id !== null && existing.isPending) || options.isPending) return <Skeleton active />;
  if (id !== null && !existing.data) return <Result status="404" title="年度协商计划不存在或无权查看" />;
  if (!options.data) return <Result status="error" title={options.error?.message ?? '加载失败'} />;
  if (existing.data && !existing.data.policies.canUpdate)
    return (
      <Result status="warning" title="该计划当前不能修改" subTitle={`状态：${existing.data.stateLabel}`} />
    );
  return <PlanForm key={id ?? 'new'} existing={existing.data ?? null} options={options.data} />;
}

function PlanForm({
  existing,
  options,
}: {
  existing: ConsultationPlanDetail | null;
  options: ActivityFormOptions;
}) {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const save = useSavePlan();
  const [problem, setProblem] = useState<string | null>(null);
  const year = existing?.year ?? (Number(searchParams.get('year')) || thisYear());
  const kinds = options.kinds.map((k) => ({ value: k.code, label: k.label }));
  const leads = options.organisers
    .filter((o) => o.type === 'specialCommittee' && o.id !== null)
    .map((o) => ({ value: o.id!, label: o.name }));

  const initialValues: Values = existing
    ? {
        year: existing.year,
        title: existing.title,
        items: existing.items.map((i) => ({
          id: i.id,
          topic: i.topic,
          kind: i.kind,
          leadSpecialCommitteeId: i.leadSpecialCommitteeId,
          quarter: i.quarter,
          note: i.note ?? undefined,
        })),
      }
    : { year, title: `${year}年度协商工作计划`, items: [{ quarter: 1 }] };

  async function submit() {
    setProblem(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const items = (v.items ?? []).map((i): Partial<PlanItemInput> => ({
      ...(i.id !== undefined && { id: i.id }),
      topic: blank(i.topic) as string | undefined,
      kind: i.kind,
      leadSpecialCommitteeId: i.leadSpecialCommitteeId ?? null,
      quarter: i.quarter,
      note: blank(i.note) as string | undefined,
    }));
    const labels = { title: '计划名称', year: '年度', items: '协商事项' };
    const title = blank(v.title);
    try {
      let saved: ConsultationPlanDetail;
      if (existing) {
        const body = validateBody(
          form,
          updateConsultationPlanBody,
          { title, items, version: existing.version },
          labels,
        );
        if (!body) return;
        saved = await save.mutateAsync({ id: existing.id, body });
      } else {
        const body = validateBody(form, createConsultationPlanBody, { year: v.year, title, items }, labels);
        if (!body) return;
        saved = await save.mutateAsync({ body });
      }
      showSuccess(existing ? '计划已保存' : '计划已创建');
      navigate(`/consultation-plans?year=${saved.year}`);
    } catch (error) {
      if (!applyServerErrors(form, error)) setProblem(errorText(error));
    }
  }

  return (
    <FormCard title={existing ? `修改${existing.title}` : '编制年度协商计划'}>
      <Form form={form} layout="vertical" requiredMark initialValues={initialValues}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="year" label="年度" required rules={[planRule('year', '年度', '请选择年度')]}>
              <Select disabled={!!existing} options={planYearOptions()} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="title" label="计划名称" required rules={[planRule('title', '计划名称')]}>
              <Input count={{ show: true, max: 100 }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>协商事项</Typography.Title>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`第 ${index + 1} 项`}
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`删除第 ${index + 1} 项`}
                      onClick={() => remove(field.name)}
                    >
                      删除
                    </Button>
                  }
                >
                  <Form.Item name={[field.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'topic']}
                    label="协商议题"
                    required
                    rules={[itemRule('topic')]}
                  >
                    <Input count={{ show: true, max: planTopicMax }} placeholder="如：持续优化营商环境" />
                  </Form.Item>
                  <Row gutter={12}>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[field.name, 'kind']}
                        label="协商形式"
                        required
                        rules={[itemRule('kind', '请选择协商形式')]}
                      >
                        <Select
                          placeholder="请选择"
                          showSearch={{ optionFilterProp: 'label' }}
                          options={kinds}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={10}>
                      <Form.Item name={[field.name, 'leadSpecialCommitteeId']} label="牵头专委会">
                        <Select placeholder="政协机关" allowClear options={leads} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item
                        name={[field.name, 'quarter']}
                        label="季度"
                        required
                        rules={[itemRule('quarter', '请选择季度')]}
                      >
                        <Select placeholder="请选择" options={quarterOptions} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item name={[field.name, 'note']} label="备注" rules={[itemRule('note')]}>
                    <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} />
                  </Form.Item>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quarter: 1 })}>
                添加协商事项
              </Button>
            </Flex>
          )}
        </Form.List>
        {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 16 }} />}
        <Flex gap={8} style={{ marginTop: 16 }} wrap>
          <Button type="primary" loading={save.isPending} onClick={submit}>
            保存
          </Button>
          <Button onClick={() => navigate(`/consultation-plans?year=${year}`)}>取消</Button>
        </Flex>
      </Form>
    </FormCard>
  );
}

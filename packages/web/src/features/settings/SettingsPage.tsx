import { useEffect } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Switch,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { z } from 'zod';
import {
  committeeSettingsSchema,
  satisfactionBasisLabels,
  settingLabels,
  timeZoneLabels,
  settingsShape,
  type CommitteeSettings,
  type SettingKey,
} from '@cppcc/shared';
import { useSaveSettings, useSettings } from '../../api/settings';
import { showSuccess } from '../../app/notifier';
import { allowed } from '../../hooks/usePolicy';
import { PageCard } from '../../components/PageCard';
import { ActivitySettings } from '../activities/ActivitySettings';
import { SearchDictionaryInput } from './SearchDictionaryInput';
import { applyServerErrors, validateBody, zodRule } from '../../components/zodForm';

const fieldSchema = z.object(settingsShape);

/** The number group the similar-hint switch follows. */
const duplicateGroup = '查重';
const numberGroups: { title: string; fields: SettingKey[] }[] = [
  { title: '字数限制', fields: ['proposalContentLimit', 'opinionContentLimit'] },
  {
    title: '提案办理期限',
    fields: [
      'plenaryProposalWindowMonths',
      'handlingDeadlineMonths',
      'maxExtensionMonths',
      'acknowledgeWindowDays',
      'coUnitOpinionDays',
      'rehandleLimit',
      'ratingWindowDays',
      'excellentProposalCapPercent',
    ],
  },
  {
    title: '活动与考勤',
    fields: [
      'leaveNoticeHours',
      'maxLeaveRequestsPerMeeting',
      'signInOpensMinutesBefore',
      'signInClosesMinutesAfter',
      'lateAfterMinutes',
    ],
  },
  { title: '安全', fields: ['sessionIdleMinutes'] },
  { title: duplicateGroup, fields: ['similarHintPercent', 'duplicatePercent'] },
];
/** The number group the activity settings' approver and kinds follow. */
const activityGroup = '活动与考勤';

/** Settings that are lists of words, typed in one by one. */
const tagLists = ['proposalCategories', 'rejectionGrounds', 'opinionCategories', 'opinionSeries'] as const;

const rule = (field: SettingKey) =>
  zodRule(fieldSchema, field, settingLabels[field], (v) => (v === null || v === '' ? undefined : v));

/** Per-committee rules (DOMAIN.md defaults, changed here by the system administrator). */
export default function SettingsPage() {
  const [form] = Form.useForm<CommitteeSettings>();
  const { modal } = App.useApp();
  const query = useSettings();
  const save = useSaveSettings();

  useEffect(() => {
    if (query.data) form.setFieldsValue(query.data.settings);
  }, [query.data, form]);

  if (!query.data)
    return (
      <Card title="系统设置">
        {query.isError ? <Alert type="error" title={query.error.message} /> : <Skeleton active />}
      </Card>
    );
  const canUpdate = allowed(query.data, 'canUpdate');

  function submit() {
    form
      .validateFields()
      .then(() => {
        const body = validateBody(form, committeeSettingsSchema, form.getFieldsValue(true), settingLabels);
        if (body)
          save.mutate(body, {
            onSuccess: () => showSuccess('系统设置已保存'),
            onError: (error) => applyServerErrors(form, error),
          });
      })
      .catch(() => undefined);
  }

  function restoreDefaults() {
    modal.confirm({
      title: '恢复默认设置',
      content: '表单将填入默认值（尚未保存），确认无误后再点“保存”。',
      okText: '填入默认值',
      cancelText: '取消',
      onOk: () => form.setFieldsValue(query.data!.defaults),
    });
  }

  const defaults = query.data.defaults;
  const hint = (field: SettingKey) => `默认：${JSON.stringify(defaults[field]).replace(/"/g, '')}`;

  return (
    <PageCard
      title="系统设置"
      extra={
        canUpdate && (
          <>
            <Button onClick={restoreDefaults}>恢复默认</Button>
            <Button type="primary" loading={save.isPending} onClick={submit}>
              保存
            </Button>
          </>
        )
      }
    >
      {!canUpdate && (
        <Alert type="info" showIcon title="只有系统管理员可以修改设置" style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" disabled={!canUpdate} onFinish={submit}>
        {numberGroups.map((group) => (
          <div key={group.title}>
            <Typography.Title level={5}>{group.title}</Typography.Title>
            <Row gutter={16}>
              {group.fields.map((field) => (
                <Col key={field} xs={24} sm={12} lg={8}>
                  <Form.Item
                    name={field}
                    label={settingLabels[field]}
                    extra={hint(field)}
                    rules={[rule(field)]}
                  >
                    <InputNumber precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            {group.title === activityGroup && (
              <ActivitySettings canUpdate={canUpdate} rule={rule} defaults={defaults} />
            )}
            {group.title === duplicateGroup && (
              <Form.Item
                name="similarHintListsPublished"
                label={settingLabels.similarHintListsPublished}
                valuePropName="checked"
                extra="开启时，委员撰写提案或信息时的相似提示也列出他人已立案的提案和已采用的信息（仅标题和结果，与立案目录、《社情民意》公开范围一致）"
              >
                <Switch checkedChildren="列出" unCheckedChildren="不列出" />
              </Form.Item>
            )}
          </div>
        ))}
        <Typography.Title level={5}>日期</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item
              name="timeZone"
              label={settingLabels.timeZone}
              extra="页面、通知和导出文件中的日期都按此时区"
              rules={[rule('timeZone')]}
            >
              <Select options={Object.entries(timeZoneLabels).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>提案统计</Typography.Title>
        <Form.Item
          name="satisfactionBasis"
          label={settingLabels.satisfactionBasis}
          extra={`满意率及满意、基本满意、不满意、已评价各项按此口径计数，统计页注明口径和单位（件或人次）。默认：${satisfactionBasisLabels[defaults.satisfactionBasis]}`}
          rules={[rule('satisfactionBasis')]}
        >
          <Radio.Group
            options={Object.entries(satisfactionBasisLabels).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Typography.Title level={5}>双向评议</Typography.Title>
        <Row gutter={16}>
          {(['excellent', 'good', 'fair'] as const).map((grade) => (
            <Col key={grade} xs={24} sm={8}>
              <Form.Item
                name={['evaluationGradeThresholds', grade]}
                label={{ excellent: '优秀分数线', good: '良好分数线', fair: '一般分数线' }[grade]}
                rules={[
                  { required: true, message: '请填写分数线' },
                  { type: 'integer', min: 1, max: 100, message: '分数线应为 1–100 的整数' },
                ]}
              >
                <InputNumber precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Title level={5}>提案分类与理由</Typography.Title>
        {tagLists.map((field) => (
          <Form.Item
            key={field}
            name={field}
            label={settingLabels[field]}
            rules={[rule(field)]}
            extra="输入后按回车添加"
          >
            <Select mode="tags" open={false} tokenSeparators={['\n']} />
          </Form.Item>
        ))}
        <Form.Item label={settingLabels.answerCategories} required>
          <Form.List name="answerCategories">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                    <Form.Item
                      name={[field.name, 'code']}
                      label="代码"
                      rules={[{ required: true, pattern: /^[A-Z]{1,2}$/, message: '1–2 个大写字母' }]}
                    >
                      <Input style={{ width: 80 }} maxLength={2} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'label']}
                      label="名称"
                      rules={[
                        { required: true, whitespace: true, message: '请填写名称' },
                        { max: 30, message: '不超过 30 个字' },
                      ]}
                    >
                      <Input style={{ width: 220 }} />
                    </Form.Item>
                    {canUpdate && fields.length > 1 && (
                      <Button
                        type="text"
                        danger
                        icon={<MinusCircleOutlined />}
                        aria-label="删除此类别"
                        onClick={() => remove(field.name)}
                      />
                    )}
                  </Space>
                ))}
                {canUpdate && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', label: '' })}>
                    添加答复类别
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Form.Item>
        <Typography.Title level={5}>搜索词典</Typography.Title>
        <Form.Item
          name="searchDictionary"
          label={settingLabels.searchDictionary}
          extra="搜索时这些词语不再拆开（如 楼小二、有事好商量）；每个词 2–20 个字，只含汉字、字母或数字"
          rules={[rule('searchDictionary')]}
        >
          <SearchDictionaryInput disabled={!canUpdate} />
        </Form.Item>
      </Form>
    </PageCard>
  );
}

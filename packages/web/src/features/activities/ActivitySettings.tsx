import type { ReactNode } from 'react';
import { Button, Card, Col, Form, Input, Row, Select, Switch, type FormRule } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  activityCategoryLabels,
  activityDutyLabels,
  activityKindSchema,
  defaultInviteeLabels,
  leaveApproverLabels,
  settingLabels,
  type ActivityKind,
  type CommitteeSettings,
} from '@cppcc/shared';
import { options } from '../../components/schemaFields';
import { zodRule } from '../../components/zodForm';

/** The fields of one kind, each checked by the kind's shared schema. */
const kindFields: { name: keyof ActivityKind; label: string; input: ReactNode }[] = [
  { name: 'label', label: '名称', input: <Input /> },
  { name: 'code', label: '代码', input: <Input /> },
  { name: 'category', label: '类别', input: <Select options={options(activityCategoryLabels)} /> },
  { name: 'defaultInvitees', label: '默认邀请', input: <Select options={options(defaultInviteeLabels)} /> },
  { name: 'yields', label: '记入履职', input: <Select options={options(activityDutyLabels)} /> },
  { name: 'tracksAttendance', label: '考勤签到', input: <Switch /> },
];

const newKind: ActivityKind = {
  code: '',
  label: '',
  category: 'meeting',
  tracksAttendance: true,
  yields: 'activity.attended',
  defaultInvitees: 'none',
};

/**
 * The settings of 活动与考勤 beyond its numbers: who decides leave, and the committee's activity kinds
 * (each with its category, whether it is signed in to, the duty record it yields and whom it invites).
 */
export function ActivitySettings(props: {
  canUpdate: boolean;
  rule: (field: 'leaveApprover') => FormRule;
  defaults: CommitteeSettings;
}) {
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            name="leaveApprover"
            label={settingLabels.leaveApprover}
            extra={`默认：${leaveApproverLabels[props.defaults.leaveApprover]}`}
            rules={[props.rule('leaveApprover')]}
          >
            <Select options={options(leaveApproverLabels)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={settingLabels.activityKinds}
        required
        extra="代码用于统计和导入，建议不要改动已使用的代码"
      >
        {/* Codes and names unique across the list: the whole settings schema checks that on 保存. */}
        <Form.List name="activityKinds">
          {(fields, { add, remove }) => (
            <Row gutter={[8, 8]}>
              {fields.map((field) => (
                <Col key={field.key} xs={24} xl={12}>
                  <Card
                    size="small"
                    styles={{ body: { paddingBottom: 0 } }}
                    extra={
                      props.canUpdate &&
                      fields.length > 1 && (
                        <Button
                          type="text"
                          danger
                          icon={<MinusCircleOutlined />}
                          aria-label="删除此活动类型"
                          onClick={() => remove(field.name)}
                        />
                      )
                    }
                    title={
                      <Form.Item noStyle shouldUpdate>
                        {({ getFieldValue }) =>
                          (getFieldValue(['activityKinds', field.name, 'label']) as string) || '新活动类型'
                        }
                      </Form.Item>
                    }
                  >
                    <Row gutter={8}>
                      {kindFields.map((f) => (
                        <Col key={f.name} xs={12} md={8}>
                          <Form.Item
                            name={[field.name, f.name]}
                            label={f.label}
                            rules={[zodRule(activityKindSchema, f.name, f.label)]}
                            {...(f.name === 'tracksAttendance' && { valuePropName: 'checked' })}
                          >
                            {f.input}
                          </Form.Item>
                        </Col>
                      ))}
                    </Row>
                  </Card>
                </Col>
              ))}
              {props.canUpdate && (
                <Col span={24}>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...newKind })}>
                    添加活动类型
                  </Button>
                </Col>
              )}
            </Row>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

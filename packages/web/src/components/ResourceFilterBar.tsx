import type { ReactNode } from 'react';
import { Button, Form, Input, Space, type FormInstance } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';

export interface FilterField {
  name: string;
  label: string;
  /** The input; it receives value/onChange from the filter form. */
  input: ReactNode;
}

/** The keyword search and filters above a resource list, with 查询 and 重置. */
export function ResourceFilterBar(props: {
  form: FormInstance;
  filters?: FilterField[];
  searchPlaceholder?: string;
  initialValues: Record<string, unknown>;
  onApply: (values: Record<string, unknown>) => void;
  onReset: () => void;
}) {
  return (
    // Named forms prefix their field ids (filter_sectorId, edit_sectorId): each label finds its own input.
    <Form
      name="filter"
      form={props.form}
      layout="inline"
      initialValues={props.initialValues}
      onFinish={props.onApply}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      <Form.Item name="q" label="关键词">
        <Input allowClear placeholder={props.searchPlaceholder ?? '名称'} style={{ width: 200 }} />
      </Form.Item>
      {(props.filters ?? []).map((f) => (
        <Form.Item key={f.name} name={f.name} label={f.label}>
          {f.input}
        </Form.Item>
      ))}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button icon={<ReloadOutlined />} onClick={props.onReset}>
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

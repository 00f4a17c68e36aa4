import type { ReactNode } from 'react';
import { Button, Form, Select, Space, type FormInstance } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';

export interface FilterField {
  name: string;
  label: string;
  /** The input; it receives value/onChange from the filter form. */
  input: ReactNode;
}

/** A filter that picks one of `options`, or all when cleared. */
export function selectFilter(
  name: string,
  label: string,
  options: { value: string | number; label: string }[],
  width: number | string,
  searchable = false,
): FilterField {
  return {
    name,
    label,
    input: (
      <Select
        allowClear
        showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
        placeholder="全部"
        options={options}
        style={{ width }}
      />
    ),
  };
}

/** The filters above a list, one row on wide screens (stacked when `narrow`), with 查询 and 重置. */
export function FilterBar<V>(props: {
  form: FormInstance<V>;
  fields: FilterField[];
  /** Named forms prefix their field ids (filter_sectorId, edit_sectorId): each label finds its own input. */
  name?: string;
  initialValues?: Record<string, unknown>;
  narrow?: boolean;
  /** Space below the bar. */
  gap?: number;
  onApply: (values: V) => void;
  onReset: () => void;
}) {
  const itemStyle = props.narrow ? { marginBottom: 8 } : undefined;
  return (
    <Form
      name={props.name}
      form={props.form}
      layout={props.narrow ? 'vertical' : 'inline'}
      initialValues={props.initialValues}
      onFinish={props.onApply}
      style={{ marginBottom: props.gap ?? 16, rowGap: 8 }}
    >
      {props.fields.map((f) => (
        <Form.Item key={f.name} name={f.name} label={f.label} style={itemStyle}>
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

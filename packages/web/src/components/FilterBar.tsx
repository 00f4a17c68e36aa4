import type { ReactNode } from 'react';
import { Button, DatePicker, Form, Grid, Select, Space, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
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

/**
 * A filter of a list's dates: one range picker in the form, two days in the address (`${name}From`,
 * `${name}To`, calendar days the server reads in the committee's zone); either end may stay open.
 */
export function dateRangeFilter(name: string, label: string): FilterField {
  return {
    name,
    label,
    input: <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 240 }} />,
  };
}

/** The two address keys of a date-range filter: `${name}From`, `${name}To`. */
export const rangeKeys = (name: string) => [`${name}From`, `${name}To`] as const;

/** The address's two days of a date-range filter, as the picker's value. */
export function rangeFromAddress(params: URLSearchParams, name: string) {
  const [from, to] = rangeKeys(name).map((key) => params.get(key));
  return from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined;
}

/** The picker's value as the address's two days. */
export function rangeToAddress(value: unknown, name: string): Record<string, string | undefined> {
  const range = value as [Dayjs | null, Dayjs | null] | undefined;
  const [fromKey, toKey] = rangeKeys(name);
  return { [fromKey]: range?.[0]?.format('YYYY-MM-DD'), [toKey]: range?.[1]?.format('YYYY-MM-DD') };
}

/** The filters above a list, one row on wide screens (stacked when `narrow`), with 查询 and 重置. */
export function FilterBar<V>(props: {
  form: FormInstance<V>;
  fields: FilterField[];
  /** Named forms prefix their field ids (filter_sectorId, edit_sectorId): each label finds its own input. */
  name?: string;
  initialValues?: Record<string, unknown>;
  /** Stacked (one field a line); phones by default. */
  narrow?: boolean;
  /** Space below the bar. */
  gap?: number;
  onApply: (values: V) => void;
  onReset: () => void;
}) {
  // Stacked on phones unless the page says otherwise: an inline row of labelled inputs is wider than 375 px.
  const phone = Grid.useBreakpoint().md === false;
  const narrow = props.narrow ?? phone;
  const itemStyle = narrow ? { marginBottom: 8 } : undefined;
  return (
    <Form
      name={props.name}
      form={props.form}
      layout={narrow ? 'vertical' : 'inline'}
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

import type { ReactNode } from 'react';
import { Col, DatePicker, Form, Input, Row, Switch, type ColProps, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { Identified } from '../api/resources';
import type { ResourceForm } from './ResourceEditDrawer';
import { zodRule } from './zodForm';

/**
 * How a field's value travels from the record into the form and from the form into the body:
 * - `text`: a text the schema requires; '' when left empty;
 * - `optionalText`: null when left blank;
 * - `choice`: as picked (a select, radio, number), `empty` when nothing is;
 * - `toggle`: a switch or checkbox (`checked`), never refused by the schema;
 * - `date`: a date picker's day as `YYYY-MM-DD`.
 */
export type FieldValue = 'text' | 'optionalText' | 'choice' | 'toggle' | 'date';

export interface ResourceField<T = Record<string, unknown>> {
  name: string;
  /** The field's name in messages (请填写…), and its visible label unless `caption` says more. */
  label: string;
  caption?: string;
  /** `text` when absent. */
  value?: FieldValue;
  /** The input; by default a text input, a 启用/停用 switch for a toggle, a date picker for a date. */
  input?: ReactNode;
  extra?: ReactNode;
  /** What the body carries for a `choice` left empty. */
  empty?: unknown;
  /** Rules instead of the schema's check (a link the form requires though the schema leaves it out). */
  rules?: FormRule[];
  /** Turns the input's value into what the schema checks, where `value` does not say. */
  prepare?: (value: unknown) => unknown;
  /** The form's value of a record, where it is not the record's field of the same name. */
  fromRecord?: (record: T) => unknown;
  /** The body's value, where `value` does not say. */
  toBody?: (value: unknown) => unknown;
  /** Its column in a form laid out on a grid; full width when absent. */
  col?: ColProps;
}

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

export const isoDay = (v: unknown) => (dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : undefined);
const toDayjs = (v: unknown) => (typeof v === 'string' && v ? dayjs(v) : undefined);
const trimmedOrNull = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

function defaultInput<T>(field: ResourceField<T>): ReactNode {
  if (field.value === 'toggle') return <Switch checkedChildren="启用" unCheckedChildren="停用" />;
  if (field.value === 'date') return <DatePicker style={{ width: '100%' }} />;
  return <Input />;
}

function rulesOf<T>(schema: ObjectSchema, field: ResourceField<T>): FormRule[] | undefined {
  if (field.value === 'toggle') return undefined;
  if (field.rules) return field.rules;
  const prepare = field.prepare ?? (field.value === 'date' ? isoDay : undefined);
  return [zodRule(schema, field.name, field.label, prepare)];
}

/** The form items of declared fields, each checked by the shared schema while the user types. */
export function SchemaFields<T>({ schema, fields }: { schema: ObjectSchema; fields: ResourceField<T>[] }) {
  const items = fields.map((field) => (
    <Form.Item
      key={field.name}
      name={field.name}
      label={field.caption ?? field.label}
      extra={field.extra}
      valuePropName={field.value === 'toggle' ? 'checked' : undefined}
      rules={rulesOf(schema, field)}
    >
      {field.input ?? defaultInput(field)}
    </Form.Item>
  ));
  if (!fields.some((field) => field.col)) return <>{items}</>;
  return (
    <Row gutter={16}>
      {items.map((item, i) => (
        <Col key={item.key} xs={24} {...fields[i]!.col}>
          {item}
        </Col>
      ))}
    </Row>
  );
}

/** The form's values of a record, one per declared field. */
export function formValuesOf<T>(fields: ResourceField<T>[], record: T): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = field.fromRecord ? field.fromRecord(record) : (record as Record<string, unknown>)[field.name];
    const kind = field.value ?? 'text';
    values[field.name] =
      field.fromRecord || kind === 'choice' || kind === 'toggle'
        ? raw
        : kind === 'date'
          ? toDayjs(raw)
          : (raw ?? '');
  }
  return values;
}

/** The body of the form's values: the declared fields only, each as its `value` says. */
export function bodyOfFields<T>(fields: ResourceField<T>[], values: Record<string, unknown>) {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const v = values[field.name];
    const kind = field.value ?? 'text';
    body[field.name] = field.toBody
      ? field.toBody(v)
      : kind === 'optionalText'
        ? trimmedOrNull(v)
        : kind === 'toggle'
          ? !!v
          : kind === 'date'
            ? isoDay(v)
            : (v ?? (kind === 'text' ? '' : field.empty));
  }
  return body;
}

/**
 * A resource's create/edit form from its field declarations: labels, inputs, values and body. Fields that
 * depend on the record edited (a picker showing its current choice) are declared by a function of it.
 */
export function declaredForm<T extends Identified>(
  schema: ObjectSchema,
  declared: ResourceField<T>[] | ((editing: T | null) => ResourceField<T>[]),
  more: Omit<ResourceForm<T>, 'schema' | 'labels' | 'fields' | 'toValues' | 'toBody'> = {},
): ResourceForm<T> {
  const fieldsOf = typeof declared === 'function' ? declared : () => declared;
  return {
    ...more,
    schema,
    labels: Object.fromEntries(fieldsOf(null).map((field) => [field.name, field.label])),
    toValues: (record) => formValuesOf(fieldsOf(record), record),
    toBody: (values, editing) => bodyOfFields(fieldsOf(editing), values),
    fields: ({ editing }) => <SchemaFields schema={schema} fields={fieldsOf(editing)} />,
  };
}

import type { ReactNode } from 'react';
import { DatePicker, Form, Input, Radio, type FormItemProps, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { blankToUndefined, zodRule } from './zodForm';

/** A command's body schema (a `.strict()` object of packages/shared). */
export type BodySchema = z.ZodObject<z.ZodRawShape>;

export const options = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));

/** A date picker's value as the schemas' `YYYY-MM-DD`. */
export const isoDay = (d: unknown) => (dayjs.isDayjs(d) ? (d as Dayjs).format('YYYY-MM-DD') : undefined);

/** An emptied optional text is not sent. */
export const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Dates before today cannot be picked. */
export const fromToday = (d: Dayjs) => d.isBefore(dayjs(), 'day');

/** Required-field rule for what the form asks beyond the body schema (a choice the body may leave out). */
export const required = (label: string, verb = '请填写'): FormRule => ({
  required: true,
  message: `${verb}${label}`,
});

const isRequiredRule = (rule: FormRule) => typeof rule === 'object' && rule.required === true;

type SchemaItemProps<S extends BodySchema> = Omit<FormItemProps, 'name' | 'label' | 'rules'> & {
  schema: S;
  name: keyof S['shape'] & string;
  label: string;
  /** The message of an empty required choice (请选择…); text inputs keep the schema's own. */
  missing?: string;
  /** Turns the input's value into the body's (a date picker's Dayjs into a string …). */
  prepare?: (value: unknown) => unknown;
  /** Rules of the form beyond the schema. */
  rules?: FormRule[];
  children: ReactNode;
};

/**
 * A field of a command form checked by the command's shared body schema while the user types: whether
 * it is required, its limits and formats are the server's, with the server's messages.
 */
export function SchemaItem<S extends BodySchema>(props: SchemaItemProps<S>) {
  const { schema, name, label, missing, prepare = blankToUndefined, rules = [], children, ...item } = props;
  const field = schema.shape[name] as z.ZodType;
  return (
    <Form.Item
      {...item}
      name={name as string}
      label={label}
      required={item.required ?? (!field.safeParse(undefined).success || rules.some(isRequiredRule))}
      rules={[...rules, zodRule(schema, name, label, prepare, missing)]}
    >
      {children}
    </Form.Item>
  );
}

/** A free-text field of a command form; 1 row is a single-line input. */
export function SchemaText<S extends BodySchema>(
  props: Omit<SchemaItemProps<S>, 'children'> & { rows?: number; placeholder?: string },
) {
  const { rows = 3, placeholder, ...item } = props;
  return (
    <SchemaItem {...item}>
      {rows === 1 ? (
        <Input placeholder={placeholder} />
      ) : (
        <Input.TextArea rows={rows} placeholder={placeholder} />
      )}
    </SchemaItem>
  );
}

/** A choice among a few options shown side by side; the group is named by its label for screen readers. */
export function SchemaRadio<S extends BodySchema>(
  props: Omit<SchemaItemProps<S>, 'children'> & { options: { value: string | boolean; label: string }[] },
) {
  const { options: choices, ...item } = props;
  return (
    <SchemaItem {...item}>
      <Radio.Group aria-label={item.label} options={choices} />
    </SchemaItem>
  );
}

/** A value the form carries without showing it (the record a command is about). */
export function HiddenField({ name }: { name: string }) {
  return (
    <Form.Item name={name} hidden>
      <Input />
    </Form.Item>
  );
}

/**
 * The command body from the form's values: the schema's fields only, an emptied text left out, a field's
 * default where it has one (`attachmentIds: []`), dates as `YYYY-MM-DD`, and the record's version
 * where the command takes one (the version the user saw).
 */
export function bodyOf(
  schema: BodySchema,
  values: Record<string, unknown>,
  version: number,
  dates: readonly string[] = [],
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    if (name === 'version') {
      body.version = version;
      continue;
    }
    let value = dates.includes(name) ? isoDay(values[name]) : blank(values[name]);
    if (value === undefined) {
      const fallback = field.safeParse(undefined);
      value = fallback.success ? fallback.data : undefined;
    }
    if (value !== undefined) body[name] = value;
  }
  return body;
}

/** A date field of a command form; `future` allows today and later only. */
export function SchemaDate<S extends BodySchema>(
  props: Omit<SchemaItemProps<S>, 'children' | 'prepare'> & { future?: boolean },
) {
  const { future, ...item } = props;
  return (
    <SchemaItem {...item} prepare={isoDay}>
      <DatePicker disabledDate={future ? fromToday : undefined} style={{ width: '100%' }} />
    </SchemaItem>
  );
}

import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';
import { fieldIssues } from '../api/client';
import { showError } from '../app/notifier';

const hasChinese = (text: string) => /[\u4e00-\u9fa5]/.test(text);

/** zod's own messages are English; schema authors write Chinese ones. Fall back to a Chinese sentence. */
function chineseMessage(issue: z.core.$ZodIssue, label: string): string {
  if (hasChinese(issue.message)) return issue.message;
  if (issue.code === 'invalid_type' && /undefined|null/.test(issue.message)) return `请填写${label}`;
  if (issue.code === 'too_small') return `${label}过小或过短`;
  if (issue.code === 'too_big') return `${label}过大或过长`;
  if (issue.code === 'invalid_value') return `请选择${label}`;
  return `${label}格式不正确`;
}

/** Empty inputs mean "not given": antd gives '' or null where the schemas expect undefined. */
export function blankToUndefined(value: unknown): unknown {
  return value === '' || value === null ? undefined : value;
}

type AnyObjectSchema = z.ZodObject<z.ZodRawShape>;

/**
 * An antd rule that checks one field against the shared zod schema while the user types, so the form
 * says exactly what the server would say. `missing` words the refusal of an empty required field where
 * the schema's own message suits a text input but the field is a choice (请选择…).
 */
export function zodRule(
  schema: AnyObjectSchema,
  field: string,
  label: string,
  prepare = blankToUndefined,
  missing?: string,
): FormRule {
  const fieldSchema = schema.shape[field] as z.ZodType | undefined;
  return {
    validator: async (_rule, value) => {
      if (!fieldSchema) return;
      const prepared = prepare(value);
      const result = fieldSchema.safeParse(prepared);
      if (result.success) return;
      throw new Error(
        missing && prepared === undefined ? missing : chineseMessage(result.error.issues[0]!, label),
      );
    },
  };
}

/** Checks a whole body (including cross-field refinements) and puts the problems on the form. */
export function validateBody<T>(
  form: FormInstance,
  schema: z.ZodType<T>,
  body: unknown,
  labels: Record<string, string> = {},
): T | null {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const byField = new Map<string, string>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '');
    if (name && !byField.has(name)) byField.set(name, chineseMessage(issue, labels[name] ?? '此项'));
  }
  form.setFields([...byField].map(([name, message]) => ({ name, errors: [message] })));
  // A problem of a field that has no input of its own (a list, a cross-field rule) would go unseen.
  const unseen = [...byField].filter(([name]) => !form.getFieldInstance(name)).map(([, message]) => message);
  if (unseen.length) showError(unseen.join('；'));
  return null;
}

/** Puts the server's VALIDATION_FAILED field problems (`body.name`) on the matching form fields. */
export function applyServerErrors(form: FormInstance, error: unknown): boolean {
  const fields = fieldIssues(error)
    .filter((i) => i.path.startsWith('body.'))
    .map((i) => ({ name: i.path.slice('body.'.length).split('.')[0] ?? '', errors: [i.message] }))
    .filter((f) => f.name);
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}

import type { ReactNode } from 'react';
import { App, Button, Drawer, Form, Space, type FormInstance } from 'antd';
import type { z } from 'zod';
import { useSaveResource, type Identified } from '../api/resources';
import { showSuccess } from '../app/notifier';
import { applyServerErrors, validateBody } from './zodForm';

export interface ResourceForm<T> {
  /** The shared zod schema of the body; a function when create and update differ. */
  schema?: z.ZodType | ((editing: T | null) => z.ZodType);
  /** Chinese labels by field, used in messages of the submit-time check. */
  labels?: Record<string, string>;
  fields: (ctx: { form: FormInstance; editing: T | null }) => ReactNode;
  initialValues?: Record<string, unknown>;
  toValues?: (record: T) => Record<string, unknown>;
  toBody?: (values: Record<string, unknown>, editing: T | null) => Record<string, unknown>;
  /** A question to confirm before saving, e.g. when a change cannot be undone easily. */
  confirm?: (body: Record<string, unknown>, editing: T | null) => string | null;
  /** Called with the server's answer, e.g. to show a one-time password. */
  onSaved?: (saved: unknown, editing: T | null) => void;
  width?: number;
}

/** The create/edit drawer of a resource list: its form, the shared schema's check, save and confirm. */
export function ResourceEditDrawer<T extends Identified>(props: {
  noun: string;
  endpoint: string;
  spec: ResourceForm<T>;
  editing: T | null;
  initialValues: Record<string, unknown>;
  wide: boolean;
  onClose: () => void;
}) {
  const { spec, editing, noun } = props;
  const [form] = Form.useForm();
  const { modal } = App.useApp();
  const save = useSaveResource<T>(props.endpoint);

  async function submit() {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    const body = spec.toBody ? spec.toBody(values, editing) : values;
    const schema = typeof spec.schema === 'function' ? spec.schema(editing) : spec.schema;
    if (schema && !validateBody(form, schema, body, spec.labels)) return;
    const run = () =>
      save.mutate(
        { id: editing?.id, body },
        {
          onSuccess: (saved) => {
            showSuccess(editing ? '已保存' : `已新建${noun}`);
            spec.onSaved?.(saved, editing);
            props.onClose();
          },
          onError: (error) => applyServerErrors(form, error),
        },
      );
    const question = spec.confirm?.(body, editing);
    if (question)
      modal.confirm({
        title: '请确认',
        content: question,
        okText: '确定保存',
        cancelText: '取消',
        onOk: run,
      });
    else run();
  }

  return (
    <Drawer
      title={editing ? `编辑${noun}` : `新建${noun}`}
      open
      size={props.wide ? (spec.width ?? 520) : '100%'}
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={submit}>
            保存
          </Button>
        </Space>
      }
    >
      <Form name="edit" form={form} layout="vertical" initialValues={props.initialValues} onFinish={submit}>
        {spec.fields({ form, editing })}
      </Form>
    </Drawer>
  );
}

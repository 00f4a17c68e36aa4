import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { applyServerErrors } from './zodForm';

/** Chinese text of an API failure; a 409 says plainly that someone else acted first. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'CONFLICT') return `${error.message}（请关闭后刷新页面查看最新状态）`;
    return error.message;
  }
  return error instanceof Error ? error.message : '操作失败';
}

export interface CommandModalProps {
  title: string;
  okText?: string;
  open: boolean;
  onClose: () => void;
  /** Called once the closing animation is over. */
  afterClose?: () => void;
  run: (body: unknown) => Promise<unknown>;
  toBody?: (values: Record<string, unknown>) => unknown;
  /** A question asked before the body is sent (a step hard to take back); sent only when confirmed. */
  confirm?: (body: unknown) => string | undefined;
  children?: (form: FormInstance) => ReactNode;
  initialValues?: Record<string, unknown>;
  danger?: boolean;
  width?: number;
}

/**
 * A modal form for one command. The body comes from `toBody`; field problems from the server land on the
 * fields, anything else (a 409 conflict, a forbidden step) is shown inside the modal so the user sees why.
 */
export function CommandModal(props: CommandModalProps) {
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { modal } = App.useApp();

  async function submit() {
    setProblem(null);
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = props.toBody ? props.toBody(values) : values;
    const question = props.confirm?.(body);
    if (question) {
      const confirmed = await modal.confirm({
        title: question,
        okText: '确定',
        cancelText: '返回修改',
        okButtonProps: { danger: true },
      });
      if (!confirmed) return;
    }
    setBusy(true);
    try {
      await props.run(body);
      form.resetFields();
      props.onClose();
    } catch (error) {
      if (!applyServerErrors(form, error)) setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={props.title}
      open={props.open}
      onCancel={() => {
        setProblem(null);
        props.onClose();
      }}
      afterClose={props.afterClose}
      onOk={submit}
      okText={props.okText ?? '确定'}
      cancelText="取消"
      confirmLoading={busy}
      okButtonProps={{ danger: props.danger }}
      destroyOnHidden
      width={props.width}
    >
      <Form form={form} layout="vertical" initialValues={props.initialValues} preserve={false}>
        {props.children?.(form)}
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}

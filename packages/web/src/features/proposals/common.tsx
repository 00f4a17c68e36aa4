import { useState, type ReactNode } from 'react';
import { Alert, Button, Form, Input, Modal, Tag, type FormInstance } from 'antd';
import type { ProposalState } from '@cppcc/shared';
import { ApiError, downloadFile } from '../../api/client';
import { showError } from '../../app/notifier';
import { applyServerErrors } from '../../components/zodForm';

const stateColors: Record<ProposalState, string> = {
  draft: 'default',
  cosigning: 'purple',
  submitted: 'blue',
  reviewing: 'geekblue',
  returned: 'orange',
  withdrawn: 'default',
  rejected: 'red',
  merged: 'cyan',
  accepted: 'green',
  assigned: 'processing',
  answered: 'gold',
  rehandling: 'volcano',
  closed: 'success',
};

export function StateTag({ state, label }: { state: ProposalState; label: string }) {
  return <Tag color={stateColors[state] ?? 'default'}>{label}</Tag>;
}

/** Chinese text of an API failure; a 409 says plainly that someone else acted first. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'CONFLICT') return `${error.message}（请关闭后刷新页面查看最新状态）`;
    return error.message;
  }
  return error instanceof Error ? error.message : '操作失败';
}

/** Downloads a document of the documents routes, reporting failures as a message. */
export async function download(path: string, query?: Record<string, string | number | undefined>) {
  try {
    await downloadFile(path, query, path.endsWith('.xlsx') ? '提案列表.xlsx' : '提案.docx');
  } catch (error) {
    showError(errorText(error));
  }
}

export function DownloadButton({
  path,
  children,
  query,
}: {
  path: string;
  children: ReactNode;
  query?: Record<string, string | number | undefined>;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      loading={busy}
      onClick={async () => {
        setBusy(true);
        await download(path, query);
        setBusy(false);
      }}
    >
      {children}
    </Button>
  );
}

/**
 * A modal form for one command. The body comes from `toBody`; field problems from the server land on the
 * fields, anything else (a 409 conflict, a forbidden step) is shown inside the modal so the user sees why.
 */
export function CommandModal(props: {
  title: string;
  okText?: string;
  open: boolean;
  onClose: () => void;
  run: (body: unknown) => Promise<unknown>;
  toBody?: (values: Record<string, unknown>) => unknown;
  children?: (form: FormInstance) => ReactNode;
  initialValues?: Record<string, unknown>;
  danger?: boolean;
  width?: number;
}) {
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setProblem(null);
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await props.run(props.toBody ? props.toBody(values) : values);
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

/** Required-field rule with a Chinese message. */
export const required = (label: string, verb = '请填写') => ({ required: true, message: `${verb}${label}` });

/**
 * A free-text field with the server's length limit, checked as the user types. `required` is the
 * field's name in the "请填写…" message, or `true` to use the label.
 */
export function TextField(props: {
  name: string;
  label: string;
  max: number;
  required?: boolean | string;
  /** 1 = a single-line input. */
  rows?: number;
  placeholder?: string;
  extra?: string;
}) {
  const { name, label, max, rows = 3, placeholder, extra } = props;
  const requiredRule = props.required
    ? [required(typeof props.required === 'string' ? props.required : label)]
    : [];
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[...requiredRule, { max, message: `${label}不超过 ${max} 个字` }]}
    >
      {rows === 1 ? (
        <Input placeholder={placeholder} />
      ) : (
        <Input.TextArea rows={rows} placeholder={placeholder} />
      )}
    </Form.Item>
  );
}

import { Navigate, useNavigate } from 'react-router';
import { Alert, Button, Form, Input, Space, type FormItemProps, type FormRule } from 'antd';
import { passwordProblem } from '@cppcc/shared';
import { useChangePassword, useMeQuery } from '../../api/auth';
import { showSuccess } from '../../app/notifier';
import { applyServerErrors } from '../../components/zodForm';
import { AuthFrame } from './AuthFrame';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** A rule that compares the value with the rest of the form; `problem` says what is wrong, if anything. */
const crossCheck =
  (problem: (value: string, other: (name: keyof Values) => unknown) => string | null): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_, value: string | undefined) => {
      const text = value ? problem(value, getFieldValue) : null;
      if (text) throw new Error(text);
    },
  });

interface PasswordField extends FormItemProps<Values> {
  name: keyof Values;
  autoComplete: 'current-password' | 'new-password';
}

function passwordFields(username: string): PasswordField[] {
  return [
    {
      name: 'currentPassword',
      label: '当前密码',
      autoComplete: 'current-password',
      rules: [{ required: true, message: '请输入当前密码' }],
    },
    {
      name: 'newPassword',
      label: '新密码',
      autoComplete: 'new-password',
      extra:
        '至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类；不能包含用户名，不能是常见密码或键盘顺序',
      dependencies: ['currentPassword'],
      rules: [
        { required: true, message: '请输入新密码' },
        crossCheck(
          (value, other) =>
            passwordProblem(value, { username }) ??
            (value === other('currentPassword') ? '新密码不能与当前密码相同' : null),
        ),
      ],
    },
    {
      name: 'confirmPassword',
      label: '确认新密码',
      autoComplete: 'new-password',
      dependencies: ['newPassword'],
      rules: [
        { required: true, message: '请再次输入新密码' },
        crossCheck((value, other) => (value !== other('newPassword') ? '两次输入的新密码不一致' : null)),
      ],
    },
  ];
}

export default function ChangePasswordPage() {
  const me = useMeQuery();
  const navigate = useNavigate();
  const change = useChangePassword();
  const [form] = Form.useForm<Values>();

  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/login" replace />;
  const forced = me.data.mustChangePassword;
  const username = me.data.username;

  function submit(values: Values) {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          showSuccess('密码已修改');
          navigate('/', { replace: true });
        },
        onError: (error) => {
          if (!applyServerErrors(form, error))
            form.setFields([{ name: 'currentPassword', errors: [error.message] }]);
        },
      },
    );
  }

  return (
    <AuthFrame title="修改密码">
      {forced && (
        <Alert
          type="info"
          showIcon
          title="首次登录或密码已被重置，请先设置新密码"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        {passwordFields(username).map(({ autoComplete, ...item }) => (
          <Form.Item key={item.name} {...item}>
            <Input.Password autoComplete={autoComplete} />
          </Form.Item>
        ))}
        <Form.Item>
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            {!forced && <Button onClick={() => navigate(-1)}>返回</Button>}
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              保存
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </AuthFrame>
  );
}

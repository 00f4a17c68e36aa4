import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Form, Input } from 'antd';
import { useLogin, useMeQuery } from '../../api/auth';
import { AuthFrame } from './AuthFrame';

/** Only same-site paths are followed after sign-in. */
function safeTarget(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export default function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMeQuery();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const target = safeTarget(params.get('from'));

  if (me.data && !login.isPending && !login.isSuccess) {
    return <Navigate to={me.data.mustChangePassword ? '/change-password' : target} replace />;
  }

  function submit(values: { login: string; password: string }) {
    setError(null);
    login.mutate(values, {
      onSuccess: (user) => navigate(user.mustChangePassword ? '/change-password' : target, { replace: true }),
      onError: (e) => setError(e.message),
    });
  }

  return (
    <AuthFrame title="用户登录">
      {params.get('expired') && !error && (
        <Alert type="warning" showIcon title="登录已过期，请重新登录" style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={login.isPending}>
        <Form.Item
          name="login"
          label="用户名或手机号"
          rules={[{ required: true, whitespace: true, message: '请输入用户名或手机号' }]}
        >
          <Input autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" size="large" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            登录
          </Button>
        </Form.Item>
      </Form>
    </AuthFrame>
  );
}

import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Input } from 'antd';
import { useLogin, useMeQuery } from '../../api/auth';
import { AuthFrame } from './AuthFrame';

/** Only same-site paths are followed after sign-in. */
function safeTarget(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

const fieldStyle = { display: 'block', marginBottom: 20 } as const;
const labelStyle = { display: 'block', marginBottom: 8, color: 'rgba(0,0,0,0.88)' } as const;
const problemStyle = { color: '#ff4d4f', fontSize: 14, marginTop: 4 } as const;

/**
 * The first page most users load: a plain form with antd inputs, without antd's Form machinery, so
 * that its chunk stays small.
 */
export default function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMeQuery();
  const login = useLogin();
  const [values, setValues] = useState({ login: '', password: '' });
  const [touched, setTouched] = useState({ login: false, password: false });
  const [error, setError] = useState<string | null>(null);
  const target = safeTarget(params.get('from'));

  if (me.data && !login.isPending && !login.isSuccess) {
    return <Navigate to={me.data.mustChangePassword ? '/change-password' : target} replace />;
  }

  const problems = {
    login: values.login.trim() ? null : '请输入用户名或手机号',
    password: values.password ? null : '请输入密码',
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched({ login: true, password: true });
    if (problems.login || problems.password) return;
    setError(null);
    login.mutate(
      { login: values.login.trim(), password: values.password },
      {
        onSuccess: (user) =>
          navigate(user.mustChangePassword ? '/change-password' : target, { replace: true }),
        onError: (e) => setError(e.message),
      },
    );
  }

  const show = (field: 'login' | 'password') => touched[field] && problems[field];

  return (
    <AuthFrame title="用户登录">
      {params.get('expired') && !error && (
        <Alert type="warning" showIcon title="登录已过期，请重新登录" style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <form onSubmit={submit} noValidate>
        <div style={fieldStyle}>
          <label htmlFor="login" style={labelStyle}>
            用户名或手机号
          </label>
          <Input
            id="login"
            size="large"
            autoComplete="username"
            autoFocus
            value={values.login}
            status={show('login') ? 'error' : undefined}
            aria-invalid={!!show('login')}
            onChange={(e) => setValues((v) => ({ ...v, login: e.target.value }))}
            onBlur={() => setTouched((t) => ({ ...t, login: true }))}
          />
          {show('login') && <div style={problemStyle}>{problems.login}</div>}
        </div>
        <div style={fieldStyle}>
          <label htmlFor="password" style={labelStyle}>
            密码
          </label>
          <Input.Password
            id="password"
            size="large"
            autoComplete="current-password"
            value={values.password}
            status={show('password') ? 'error' : undefined}
            aria-invalid={!!show('password')}
            onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
            onBlur={() => setTouched((t) => ({ ...t, password: true }))}
          />
          {show('password') && <div style={problemStyle}>{problems.password}</div>}
        </div>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={login.isPending}
          style={{ marginBottom: 16 }}
        >
          登录
        </Button>
      </form>
    </AuthFrame>
  );
}

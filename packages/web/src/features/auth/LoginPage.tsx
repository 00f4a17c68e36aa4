import { useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
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
const problemStyle = { color: '#cf1322', fontSize: 14, marginTop: 4 } as const;

/** A labelled input of the plain form, with its problem below it. */
function Field(props: { id: string; label: string; problem: string | null | false; children: ReactNode }) {
  return (
    <div style={fieldStyle}>
      <label htmlFor={props.id} style={labelStyle}>
        {props.label}
      </label>
      {props.children}
      {props.problem && <div style={problemStyle}>{props.problem}</div>}
    </div>
  );
}

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
  const inputProps = (field: 'login' | 'password') => ({
    id: field,
    size: 'large' as const,
    value: values[field],
    status: show(field) ? ('error' as const) : undefined,
    'aria-invalid': !!show(field),
    onChange: (e: ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [field]: e.target.value })),
    onBlur: () => setTouched((t) => ({ ...t, [field]: true })),
  });

  return (
    <AuthFrame title="用户登录">
      {params.get('expired') && !error && (
        <Alert type="warning" showIcon title="登录已过期，请重新登录" style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <form onSubmit={submit} noValidate>
        <Field id="login" label="用户名或手机号" problem={show('login')}>
          <Input {...inputProps('login')} autoComplete="username" autoFocus />
        </Field>
        <Field id="password" label="密码" problem={show('password')}>
          <Input.Password {...inputProps('password')} autoComplete="current-password" />
        </Field>
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

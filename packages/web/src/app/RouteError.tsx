import { useRouteError } from 'react-router';

/** A page chunk that no longer exists (the app was updated) or a rendering error: offer a reload. */
export function RouteError() {
  const error = useRouteError();
  const text = error instanceof Error ? error.message : String(error);
  const updated = /dynamically imported module|module script|Importing a module/i.test(text);
  return (
    <div
      role="alert"
      style={{ maxWidth: 480, margin: '15vh auto', padding: 24, textAlign: 'center', fontSize: 15 }}
    >
      <h1 style={{ fontSize: 20, fontWeight: 600 }}>{updated ? '系统已更新' : '页面出错了'}</h1>
      <p style={{ color: '#666' }}>
        {updated ? '请刷新页面以加载最新版本。' : '请刷新页面重试；如果问题仍然存在，请联系系统管理员。'}
      </p>
      <button
        type="button"
        onClick={() => window.location.reload()}
        style={{
          padding: '6px 20px',
          fontSize: 14,
          color: '#fff',
          background: '#b71c1c',
          border: 0,
          borderRadius: 4,
          cursor: 'pointer',
        }}
      >
        刷新页面
      </button>
    </div>
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError, configureClient } from './api/client';
import { meKey } from './api/auth';
import { showError, showWarning } from './app/notifier';
import { router } from './app/router';

dayjs.locale('zh-cn');

function reportError(error: unknown, meta: Record<string, unknown> | undefined) {
  if (meta?.silent) return;
  // 401 and the forced password change are handled by redirects, not by a toast.
  if (error instanceof ApiError && (error.status === 401 || error.code === 'PASSWORD_CHANGE_REQUIRED'))
    return;
  showError(error instanceof Error ? error.message : '操作失败');
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) =>
        !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 1,
      refetchOnWindowFocus: false,
    },
  },
  queryCache: new QueryCache({ onError: (error, query) => reportError(error, query.meta) }),
  mutationCache: new MutationCache({
    onError: (error, _v, _c, mutation) => reportError(error, mutation.meta),
  }),
});

let redirecting = false;
configureClient({
  onUnauthenticated: (expired) => {
    if (redirecting || window.location.pathname === '/login') return;
    redirecting = true;
    if (expired) showWarning('登录已过期，请重新登录');
    const from = window.location.pathname + window.location.search;
    queryClient.setQueryData(meKey, null);
    void router
      .navigate(`/login?${new URLSearchParams({ from, ...(expired ? { expired: '1' } : {}) })}`, {
        replace: true,
      })
      .finally(() => {
        redirecting = false;
      });
  },
  onPasswordChangeRequired: () => {
    if (window.location.pathname !== '/change-password')
      void router.navigate('/change-password', { replace: true });
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      // No space inside two-character labels (登 录): buttons keep the exact names users and tests look for.
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}
    >
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  </StrictMode>,
);

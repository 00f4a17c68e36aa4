// First: the schemas built by later imports must see zod's configuration.
import './csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError, configureClient } from './api/client';
import { meKey } from './api/auth';
import { showError } from './app/notifier';
import { markSessionEnded } from './app/sessionEnd';
import { router } from './app/router';
import './app/contrast.css';

dayjs.locale('zh-cn');

/**
 * Ant Design's default secondary text, placeholders, links and status colours are
 * lighter than the 4.5:1 contrast WCAG asks of text; these are the same hues a step or two darker.
 */
const accessibleTheme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    borderRadius: 4,
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorWarning: '#946000',
    colorWarningBg: '#fffbe6',
    colorError: '#cf1322',
  },
};

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

configureClient({
  onUnauthenticated: (sessionExpired) => {
    if (window.location.pathname === '/login') return;
    // A 401 while someone was signed in means the session ended, even when the server no longer says
    // why (an earlier request may already have dropped the expired session).
    if (sessionExpired || queryClient.getQueryData(meKey)) markSessionEnded();
    // The layout sees nobody signed in and redirects to the login page, keeping the current address.
    queryClient.setQueryData(meKey, null);
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
      theme={accessibleTheme}
    >
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  </StrictMode>,
);

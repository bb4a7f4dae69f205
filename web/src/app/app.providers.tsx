import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { ApiError, setAuthFailureHandler } from '../api/client';
import { sessionKey, setSession } from '../auth/auth.api';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a 4xx will answer the same again; retry only network trouble and 5xx, once
      retry: (failures, error) =>
        failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

// Any request finding the session gone signs the user out here, and the session guard
// sends them to /login (remembering the page); a session owing a step (second factor,
// password change, TOTP enrolment) is reloaded, and the guard sends them to that step.
setAuthFailureHandler((kind) => {
  if (kind === 'UNAUTHENTICATED') setSession(queryClient, null);
  else void queryClient.invalidateQueries({ queryKey: sessionKey });
});

/** Users who ask their system for less motion get no antd animations (tests can ask for it too). */
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: {
          motion: !reducedMotion,
          fontFamily:
            "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
        },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, LoginRequest, Me } from '../../../common/auth/auth.schema';
import { ApiError, api } from '../api/client';

/** The signed-in account, or null when nobody is signed in. */
export const sessionKey = ['auth', 'me'] as const;

async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    return await api<Me>('/api/auth/me', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
}

/** The signed-in account inside the session guard, where it always exists. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe() outside the session guard');
  return data;
}

export function setSession(queryClient: QueryClient, me: Me | null): void {
  queryClient.setQueryData(sessionKey, me);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api<Me>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      setSession(queryClient, me);
    },
  });
}

/**
 * Whether the session ended because the user chose 退出登录 (back to a plain /login)
 * rather than because it expired (back to /login remembering the page).
 */
let signedOutByUser = false;
export function wasSignedOutByUser(): boolean {
  return signedOutByUser;
}
export function forgetSignOut(): void {
  signedOutByUser = false;
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>('/api/auth/logout', { method: 'POST' }),
    // signed out locally even if the server call failed (e.g. the session had already expired)
    onSettled: () => {
      signedOutByUser = true;
      // not queryClient.clear(): the session query must stay the one the guard is watching
      setSession(queryClient, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api<Me>('/api/auth/password', { method: 'POST', body }),
    onSuccess: (me) => setSession(queryClient, me),
  });
}

/** Only same-site paths are followed after login (no `//evil.example`). */
export function safeRedirect(target: string | null | undefined): string {
  const ok = target?.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login');
  return ok && target ? target : '/';
}

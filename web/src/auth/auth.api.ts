import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type ChangePasswordRequest,
  type LoginRequest,
  type Me,
  SIGNED_IN_COOKIE,
  type zPersonalSelf,
  type zRecoveryCodes,
  type zTotpCode,
  type zTotpSetup,
} from '../../../common/auth/auth.schema';
import { ApiError, api } from '../api/client';

export type TotpSetup = z.infer<typeof zTotpSetup>;
export type TotpCode = z.input<typeof zTotpCode>;
export type RecoveryCodes = z.infer<typeof zRecoveryCodes>;
export type PersonalSelf = z.infer<typeof zPersonalSelf>;

/** The signed-in account, or null when nobody is signed in. */
export const sessionKey = ['auth', 'me'] as const;

/** Whether the server has said a session may exist (its readable companion cookie). */
const maySignedIn = () => document.cookie.split('; ').some((c) => c.startsWith(`${SIGNED_IN_COOKIE}=`));

async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  // signed out: nothing to ask, and no 401 in the console of the login page
  if (!maySignedIn()) return null;
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

/** The pages a session may owe before the app opens, in the order they come. */
export type SessionStep = '/login/verify' | '/change-password' | '/totp-setup';
export const SESSION_STEPS: readonly string[] = ['/login/verify', '/change-password', '/totp-setup'];

/**
 * What the session owes first: the second factor of this login, then the forced password
 * change, then (administrators) binding a TOTP authenticator. null: the app is open.
 */
export function requiredStep(me: Me): SessionStep | null {
  if (me.secondFactorPending) return '/login/verify';
  if (me.mustChangePassword) return '/change-password';
  if (me.totpEnrolmentRequired) return '/totp-setup';
  return null;
}

/** `/change-password?redirect=/units`, leaving the redirect out when it is the home page. */
export function withRedirect(path: string, target: string): string {
  return target === '/' ? path : `${path}?redirect=${encodeURIComponent(target)}`;
}

/** Completes a login that waits for its second factor (a TOTP code or a recovery code). */
export function useVerifySecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TotpCode) => api<Me>('/api/auth/totp/verify', { method: 'POST', body }),
    onSuccess: (me) => setSession(queryClient, me),
  });
}

/**
 * Starts binding an authenticator: a new secret each time the page opens (the server keeps
 * only the latest, so the request is shared by everything showing it and never cached).
 */
export function useTotpSetup() {
  return useQuery({
    queryKey: ['totp', 'setup'],
    queryFn: ({ signal }) => api<TotpSetup>('/api/auth/totp/setup', { method: 'POST', signal }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
}

/**
 * Confirms the binding with a first code; answers the recovery codes. The session is not
 * reloaded here: the page shows the codes first and reloads it when the user goes on.
 */
export function useEnableTotp() {
  return useMutation({
    mutationFn: (code: string) =>
      api<RecoveryCodes>('/api/auth/totp/enable', { method: 'POST', body: { code } }),
  });
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) =>
      api<Me>('/api/auth/totp/disable', { method: 'POST', body: { password } }),
    onSuccess: (me) => setSession(queryClient, me),
  });
}

/** One's own phone and ID number in full; each call is audited, so nothing caches it. */
export function fetchPersonal(): Promise<PersonalSelf> {
  return api<PersonalSelf>('/api/auth/me/personal');
}

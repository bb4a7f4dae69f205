import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Account,
  AccountCreate,
  AccountListParams,
  RoleGrantInput,
  zAccountUpdate,
  zAccountWithPassword,
} from '../../../common/accounts/accounts.schema';
import type { Page } from '../../../common/http/paging.schema';
import { api } from '../api/client';
import { accountKeys } from '../api/query-keys';

/** A new account, or a reset one, with its one-time password (shown once, never again). */
export type AccountWithPassword = z.infer<typeof zAccountWithPassword>;
/** phone / idNumber: left out = unchanged, null = removed (the client only ever sees them masked). */
export type AccountUpdate = z.input<typeof zAccountUpdate>;

const path = (id: string, action = '') => `/api/accounts/${encodeURIComponent(id)}${action}`;

export function fetchAccount(id: string, signal?: AbortSignal): Promise<Account> {
  return api<Account>(path(id), { signal });
}

export function useAccountList(params: AccountListParams) {
  return useQuery({
    queryKey: accountKeys.list(params),
    queryFn: ({ signal }) => api<Page<Account>>('/api/accounts', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every change refreshes the lists, also after a failure (a stale copy is replaced). */
function useAccountMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

export function useCreateAccount() {
  return useAccountMutation((input: AccountCreate) =>
    api<AccountWithPassword>('/api/accounts', { method: 'POST', body: input }),
  );
}

export function useUpdateAccount() {
  return useAccountMutation(({ id, input }: { id: string; input: AccountUpdate }) =>
    api<Account>(path(id), { method: 'PUT', body: input }),
  );
}

export function useSetAccountActive() {
  return useAccountMutation(({ account, active }: { account: Account; active: boolean }) =>
    api<Account>(path(account.id, active ? '/activate' : '/deactivate'), {
      method: 'POST',
      body: { version: account.version },
    }),
  );
}

export function useDeleteAccount() {
  return useAccountMutation((account: Account) =>
    api<{ ok: true }>(path(account.id), { method: 'DELETE', query: { version: account.version } }),
  );
}

export function useSetGrants() {
  return useAccountMutation(
    ({ id, grants, version }: { id: string; grants: RoleGrantInput[]; version: number }) =>
      api<Account>(path(id, '/grants'), { method: 'PUT', body: { grants, version } }),
  );
}

export function useResetPassword() {
  return useAccountMutation((account: Account) =>
    api<AccountWithPassword>(path(account.id, '/reset-password'), { method: 'POST' }),
  );
}

export function useUnlockAccount() {
  return useAccountMutation((account: Account) =>
    api<Account>(path(account.id, '/unlock'), { method: 'POST' }),
  );
}

export function useResetTotp() {
  return useAccountMutation((account: Account) =>
    api<Account>(path(account.id, '/reset-totp'), { method: 'POST' }),
  );
}

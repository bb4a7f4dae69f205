import { useCallback } from 'react';
import { type Action, isAllowed } from '../../../common/access/policy';
import { useMe } from '../auth/auth.api';

/**
 * Whether the signed-in account's roles allow an action, by the shared policy table. Only
 * for what to show: the server decides (and checks the scope) on every request.
 */
export function useAllowed(): (action: Action) => boolean {
  const me = useMe();
  return useCallback((action: Action) => isAllowed(action, me.roles), [me.roles]);
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { TMe } from '#contracts/auth.ts';
import { authEndpoints } from '#contracts/auth.ts';
import { call } from '../api/client.ts';
import { storeMe } from './session-query.ts';

/**
 * The signed-in user as RequireSession saw them. Pages read it from here rather than from the query, so that
 * while a logout is under way they keep the last user until RequireSession replaces them with the login page.
 */
export const MeContext = createContext<TMe | null>(null);

/** The signed-in user; only for components rendered inside RequireSession. */
export function useMe(): TMe {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside RequireSession');
  return me;
}

/**
 * Ends the session on the server, then forgets every cached answer: the query cache, and the API answers the
 * service worker keeps for the offline forms (it drops them too when it sees the logout; this covers a page it
 * does not control). A shared computer (seed 001) shows the next user nothing of the last one.
 */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(authEndpoints.logout),
    meta: { public: true },
    onSettled: () => {
      client.clear();
      void globalThis.caches?.keys().then((names) => names.filter((name) => name.startsWith('dvs-api')).forEach((name) => void caches.delete(name)));
      storeMe(client, null);
    },
  });
}

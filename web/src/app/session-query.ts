import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { TMe } from '#contracts/auth.ts';
import { authEndpoints } from '#contracts/auth.ts';
import { call, isUnauthorized, setCsrfToken } from '../api/client.ts';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null when there is no session. */
export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: async (): Promise<TMe | null> => {
    try {
      const me = await call(authEndpoints.me);
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (isUnauthorized(error)) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: Infinity,
});

/** Remembers the user answered by login (or forgets them on logout) without another round trip. */
export function storeMe(client: QueryClient, me: TMe | null): void {
  setCsrfToken(me?.csrfToken ?? null);
  client.setQueryData(ME_KEY, me);
}

import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isPasswordChangeRequired, isUnauthorized } from '../api/client.ts';
import { ME_KEY } from './session-query.ts';

/**
 * One query client for the app. A 401 on any call other than the session check or login means the session
 * ended: forgetting the user sends every page back to the login form. A 403 `password_change_required` (an
 * administrator reset the password) reloads the user, so the guard shows the password page.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthorized(error) && query.queryKey[0] !== ME_KEY[0]) client.setQueryData(ME_KEY, null);
        if (isPasswordChangeRequired(error)) void client.invalidateQueries({ queryKey: ME_KEY });
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isUnauthorized(error) && mutation.meta?.public !== true) client.setQueryData(ME_KEY, null);
        if (isPasswordChangeRequired(error)) void client.invalidateQueries({ queryKey: ME_KEY });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // tried even when the browser says it is offline: the service worker answers the offline forms' reads
        // from its cache (web/scripts/service-worker.ts); retries then wait for the network
        networkMode: 'offlineFirst',
        // client errors (403, 404, 400) will not change on retry; network and 5xx might
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}

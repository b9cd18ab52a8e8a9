import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TChangePasswordRequest, TLoginRequest } from '#contracts/auth.ts';
import { authEndpoints } from '#contracts/auth.ts';
import { call } from '../../api/client.ts';
import { meQuery, storeMe } from '../../app/session-query.ts';

/** Signs in; the answer is the session user, kept without another request. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TLoginRequest) => call(authEndpoints.login, { body }),
    // a 401 here is a wrong password, not an ended session
    meta: { public: true },
    onSuccess: (me) => storeMe(client, me),
  });
}

/** Changes the own password, then reloads the session user (the forced-change flag clears). */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TChangePasswordRequest) => call(authEndpoints.changePassword, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: meQuery.queryKey }),
  });
}

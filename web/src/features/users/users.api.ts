import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TRole } from '#contracts/auth.ts';
import { userEndpoints, type ZCreateUserRequest, type ZUpdateUserRequest } from '#contracts/users.ts';
import { call } from '../../api/client.ts';
import { t } from '../../i18n/i18n.ts';

/** Accounts in the administrator's subtree, optionally filtered by name. */
export const useUsers = (q = '') =>
  useQuery({
    queryKey: ['users', 'list', q],
    queryFn: () => call(userEndpoints.list, { query: { q: q || undefined } }),
  });

/** Legacy accounts: their unit has ended; each comes with the successor units to move it to. */
export const useLegacyUsers = () =>
  useQuery({
    queryKey: ['users', 'legacy'],
    queryFn: () => call(userEndpoints.list, { query: { legacy: 'true' } }),
  });

/** Moves an account to a current unit (its organisation is cleared). */
export function useMoveUser(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (unitId: number) => call(userEndpoints.move, { params: { id }, body: { unitId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** One account (the edit page). */
export const useUser = (id: number) =>
  useQuery({
    queryKey: ['users', 'one', id],
    queryFn: () => call(userEndpoints.get, { params: { id } }),
  });

/** Creates an account (the user must change the initial password at first login). */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZCreateUserRequest>) => call(userEndpoints.create, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** Changes roles, name, organisation, disabled flag, or sets a new initial password. */
export function useUpdateUser(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZUpdateUserRequest>) => call(userEndpoints.update, { params: { id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** "Quản trị hệ thống", "Nhập liệu"… */
export const roleLabel = (role: TRole) => t(`role.${role}`);

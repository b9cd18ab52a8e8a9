import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TRoleHeld } from '#contracts/organizations.ts';
import { personEndpoints, type TPersonDetail, type ZRoleInput } from '#contracts/people.ts';
import { call } from '../../api/client.ts';

const personKey = (id: number) => ['people', 'detail', id] as const;

/** One person with every role; sensitive fields only when the server allows (and logs the view). */
export const usePerson = (id: number) =>
  useQuery({
    queryKey: personKey(id),
    queryFn: () => call(personEndpoints.get, { params: { id } }),
    // a protected read is audited on every fetch: do not refetch it behind the user's back
    staleTime: Infinity,
  });

/**
 * Puts a changed role into a cached person (if that person is cached) instead of refetching them: a refetch
 * would read, and log, their protected fields again although nobody asked to see them. Newest first, as served.
 */
function patchPersonRoles(client: QueryClient, personId: number, change: (roles: TRoleHeld[]) => TRoleHeld[]) {
  client.setQueryData<TPersonDetail>(personKey(personId), (detail) =>
    detail ? { ...detail, roles: change(detail.roles).sort((a, b) => b.termFrom.localeCompare(a.termFrom)) } : undefined,
  );
}

/**
 * Ends a role on a date; it stays in history. Organisations (current members, counts) are read again. `onEnded`
 * is told here rather than through mutate(): the row that asked may leave the list before mutate's callbacks run.
 */
export function useEndRole(role: TRoleHeld, onEnded: (termTo: string) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (termTo: string) => call(personEndpoints.endRole, { params: { id: role.id }, body: { termTo } }),
    onSuccess: async (_ok, termTo) => {
      onEnded(termTo);
      patchPersonRoles(client, role.personId, (roles) => roles.map((r) => (r.id === role.id ? { ...r, termTo } : r)));
      await client.invalidateQueries({ queryKey: ['organizations'] });
    },
  });
}

/** Gives a person a role in an organisation of their unit. */
export function useAddRole(personId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZRoleInput>) => call(personEndpoints.addRole, { params: { id: personId }, body }),
    onSuccess: async (role) => {
      patchPersonRoles(client, personId, (roles) => [role, ...roles]);
      await client.invalidateQueries({ queryKey: ['organizations'] });
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EndpointOutput } from '#contracts/endpoint.ts';
import { personEndpoints, type ZPersonInput, type ZRoleInput } from '#contracts/people.ts';
import { call } from '../../api/client.ts';

type TPersonCreated = EndpointOutput<typeof personEndpoints.create>;

/** What the "Thêm thành viên" form sends: the person (without the unit) and their role (without the organisation). */
interface NewMember {
  person: Omit<z.input<typeof ZPersonInput>, 'unitId'>;
  role: Omit<z.input<typeof ZRoleInput>, 'organizationId'>;
}

/**
 * The person was registered but the role was refused. Not a success: the person exists without the title, and
 * the form says so and links to them.
 */
export class RoleNotAssignedError extends Error {
  constructor(
    readonly person: TPersonCreated,
    readonly reason: unknown,
  ) {
    super('role not assigned');
    this.name = 'RoleNotAssignedError';
  }
}

/**
 * Registers a person in the organisation's unit, then gives them the role: two requests, so the second can fail
 * after the first has written (RoleNotAssignedError).
 */
export function useAddMember(organization: { id: number; unitId: number }) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ person, role }: NewMember) => {
      const created = await call(personEndpoints.create, { body: { ...person, unitId: organization.unitId } });
      try {
        const held = await call(personEndpoints.addRole, {
          params: { id: created.id },
          body: { ...role, organizationId: organization.id },
        });
        return { person: created, role: held };
      } catch (reason) {
        throw new RoleNotAssignedError(created, reason);
      }
    },
    // members and member counts change on success; people of the unit change even when the role failed
    onSettled: () => client.invalidateQueries({ queryKey: ['organizations'] }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  organizationEndpoints,
  type TOrganizationType,
  type ZOrganizationAbbreviationInput,
  type ZOrganizationInput,
  type ZOrganizationSuccessorInput,
} from '#contracts/organizations.ts';
import { call } from '../../api/client.ts';
import { t } from '../../i18n/i18n.ts';

/** Organisations of a unit on a date, with member counts. */
export const useOrganizations = (unitId: number | null, asOf?: string) =>
  useQuery({
    queryKey: ['organizations', 'list', unitId, asOf ?? null],
    queryFn: () => call(organizationEndpoints.list, { query: { unitId: unitId ?? 0, asOf } }),
    enabled: unitId !== null,
  });

/** One organisation with the roles held in it on the date, heads first. */
export const useOrganization = (id: number, asOf: string | undefined, enabled = true) =>
  useQuery({
    queryKey: ['organizations', 'detail', id, asOf ?? null],
    queryFn: () => call(organizationEndpoints.get, { params: { id }, query: { asOf } }),
    enabled,
  });

/** Previews (dryRun) or runs a member import. */
export const importMembers = (organizationId: number, file: File, dryRun: boolean) =>
  call(organizationEndpoints.importMembers, {
    params: { id: organizationId },
    query: { dryRun: dryRun ? 'true' : 'false' },
    file,
  });

/** "Chi bộ", "Tổ dân vận"… */
export const organizationTypeLabel = (type: TOrganizationType) => t(`org.type.${type}`);

/** Registers an organisation in a unit (its type must be in force at the unit's level on the founding day). */
export function useCreateOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZOrganizationInput>) => call(organizationEndpoints.create, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organizations'] }),
  });
}

/** Records the body that took an organisation over (merged, renamed, re-parented, abolished into it). */
export function useAddSuccessor(organizationId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZOrganizationSuccessorInput>) => call(organizationEndpoints.addSuccessor, { params: { id: organizationId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organizations'] }),
  });
}

/** Starts an abbreviation of a body's document numbers from a date (the one in force ends the day before). */
export function useAddAbbreviation(organizationId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZOrganizationAbbreviationInput>) => call(organizationEndpoints.addAbbreviation, { params: { id: organizationId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organizations'] }),
  });
}

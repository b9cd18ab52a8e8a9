import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { ZPetitionField } from './case.schemas.ts';

export * from './case.schemas.ts';

/** Cases of citizens: fields, intake, lists, lifecycle (DOMAIN.md capability 5; issue 12). */
export const petitionEndpoints = {
  listFields: endpoint({
    method: 'GET',
    path: '/api/petition-fields',
    summary: 'Fields (lĩnh vực) of cases: the national defaults and those the user’s provinces added',
    response: z.array(ZPetitionField),
  }),
};

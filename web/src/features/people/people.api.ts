import { useQuery } from '@tanstack/react-query';
import { personEndpoints } from '#contracts/people.ts';
import { call } from '../../api/client.ts';

/** One person with every role; sensitive fields only when the server allows (and logs the view). */
export const usePerson = (id: number) =>
  useQuery({
    queryKey: ['people', 'detail', id],
    queryFn: () => call(personEndpoints.get, { params: { id } }),
    // a protected read is audited on every fetch: do not refetch it behind the user's back
    staleTime: Infinity,
  });

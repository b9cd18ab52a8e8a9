import { useQuery } from '@tanstack/react-query';
import { jobEndpoints, type TJob } from '#contracts/jobs.ts';
import { call } from '../api/client.ts';

const active = (job: TJob | null | undefined) => job?.status === 'queued' || job?.status === 'running';
/** Finished in the last ten minutes: still worth showing its outcome after a reload. */
const recent = (job: TJob) => job.finishedAt !== null && Date.now() - Date.parse(job.finishedAt) < 10 * 60_000;

/**
 * The import job on a target: the one just started (`startedId`), else the latest the user started there if it
 * runs or ended minutes ago (so after a reload the page finds a running import). Polled every 500 ms while it runs.
 */
export function useImportJob(target: string, startedId: string | null) {
  const latest = useQuery({
    queryKey: ['jobs', 'latest', target],
    queryFn: () => call(jobEndpoints.list, { query: { target } }),
    enabled: startedId === null,
  });
  const newest = latest.data?.[0];
  const resumed = newest && (active(newest) || recent(newest)) ? newest : null;
  const id = startedId ?? resumed?.id ?? null;
  const job = useQuery({
    queryKey: ['jobs', 'one', id],
    queryFn: () => call(jobEndpoints.get, { params: { id: id as string } }),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && !active(query.state.data) ? false : 500),
  });
  return { job: job.data ?? resumed, error: job.error, resumed: startedId === null && resumed !== null };
}

import { useSearchParams } from 'react-router';
import { TARGET_LEVELS, type TTargetLevel } from '#contracts/programmes/target-rule.ts';

export const PROGRAMME_TABS = ['targets', 'tasks', 'reviews', 'budget', 'plans'] as const;
export type ProgrammeTab = (typeof PROGRAMME_TABS)[number];

/** What the programme page shows, kept in the address (?tab=&year=&level=&target=) so a link or a reload shows the same. */
export interface ProgrammeParams {
  tab: ProgrammeTab;
  year: number | null;
  level: TTargetLevel | null;
  targetId: number | null;
}

const positive = (value: string | null) => (value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : null);

export function readProgrammeParams(search: URLSearchParams): ProgrammeParams {
  const tab = search.get('tab');
  const level = search.get('level');
  return {
    tab: (PROGRAMME_TABS as readonly string[]).includes(tab ?? '') ? (tab as ProgrammeTab) : 'targets',
    year: positive(search.get('year')),
    level: (TARGET_LEVELS as readonly string[]).includes(level ?? '') ? (level as TTargetLevel) : null,
    targetId: positive(search.get('target')),
  };
}

/** The query string of the page for these parameters ('' for the defaults). */
export function programmeSearch(params: ProgrammeParams): string {
  const search = new URLSearchParams();
  if (params.tab !== 'targets') search.set('tab', params.tab);
  if (params.year !== null) search.set('year', String(params.year));
  if (params.level !== null) search.set('level', params.level);
  if (params.targetId !== null) search.set('target', String(params.targetId));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The page's parameters and a setter that keeps the others. */
export function useProgrammeParams() {
  const [search, setSearch] = useSearchParams();
  const params = readProgrammeParams(search);
  // from the address as the browser has it when the change applies, so that two quick changes in a row both count:
  // react-router hands a functional update the search of the last render, which a second change made before the
  // page renders again would read without the first (a year, then a level, chosen quickly: the year was lost)
  const update = (change: Partial<ProgrammeParams>) => {
    const current = new URLSearchParams(window.location.search);
    setSearch(new URLSearchParams(programmeSearch({ ...readProgrammeParams(current), ...change }).slice(1)), { preventScrollReset: true });
  };
  return { params, update };
}

/**
 * The job that recomputes a province's indicator totals from its values (the indicators module runs it): enqueued by
 * a module that changed how values add up, e.g. a unit's successor set after the fact (units module).
 */
export const TOTALS_REBUILD_JOB = 'indicators.totals-rebuild';

export interface TotalsRebuildPayload {
  provinceId: number;
}

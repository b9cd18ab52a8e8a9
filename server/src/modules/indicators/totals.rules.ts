/**
 * data_total keeps, beside the row of each value's period, a row for the calendar year that holds it: 'Y2025'
 * adds up every value of 2025 of the element, whatever its period type (months, quarters, halves, the year). A
 * dashboard over whole years reads one row per unit, element and option combo per year instead of twelve months
 * (rebuildTotals writes the same rows in SQL: 'Y' || left(period, 4)). The 'Y' keeps them apart from the periods
 * users enter, and sorts them after those periods in the key.
 */
export const yearRollup = (period: string): string => `Y${period.slice(0, 4)}`;

/** The periods whose totals a value of `period` changes: its own and its year's. */
export const totalPeriods = (period: string): [string, string] => [period, yearRollup(period)];

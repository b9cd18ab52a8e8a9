import { periodContaining, previousPeriod, type PeriodType } from '#contracts/indicators/period.ts';

/**
 * The periods a user picks from: the open one (containing today) and the 23 before it, newest first; the
 * default is the one being reported now (the last closed period).
 */
export function periodChoices(type: PeriodType, today: string): { choices: string[]; current: string } {
  const open = periodContaining(today, type);
  const choices = [open];
  while (choices.length < 24) choices.push(previousPeriod(choices[choices.length - 1] as string));
  return { choices, current: previousPeriod(open) };
}

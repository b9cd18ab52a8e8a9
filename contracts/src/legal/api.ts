import { endpoint } from '../endpoint.ts';
import {
  ZCalendarDayInput, ZCalendarYear, ZCalendarYearInput, ZCalendarYears, ZDayParams, ZLegalEditQuery, ZLegalEdits, ZRule,
  ZRuleInput, ZRuleSet, ZRuleSetInput, ZRuleSetParams, ZRuleSets, ZYearParams,
} from './admin.schemas.ts';
import { ZDeadlineQuery, ZDeadlineResult } from './deadline.schemas.ts';
import { ZIdParams } from '../common.ts';

export * from './admin.schemas.ts';
export * from './deadline.schemas.ts';

/** Legal time limits: the computation, the working calendar and the rule sets (issue 12 item 3). */
export const legalEndpoints = {
  deadlines: endpoint({
    method: 'GET',
    path: '/api/legal/deadlines',
    summary:
      'Every legal deadline of a case kind from its dates and flags, with the legal basis and the rule set in force on receivedOn (BLDS 2015 art. 147–148 counting over the working calendar)',
    query: ZDeadlineQuery,
    response: ZDeadlineResult,
  }),
  calendarYears: endpoint({
    method: 'GET',
    path: '/api/legal/calendar',
    summary: 'Years of the working calendar with their status (provisional / confirmed)',
    response: ZCalendarYears,
  }),
  calendarYear: endpoint({
    method: 'GET',
    path: '/api/legal/calendar/:year',
    summary: 'Days off and make-up Saturdays of one year, with sources and status',
    params: ZYearParams,
    response: ZCalendarYear,
  }),
  updateCalendarYear: endpoint({
    method: 'PATCH',
    path: '/api/legal/calendar/:year',
    summary: 'Confirm a year (or mark it provisional) and change its notes (system administrator)',
    params: ZYearParams,
    body: ZCalendarYearInput,
    response: ZCalendarYear,
  }),
  setCalendarDay: endpoint({
    method: 'PUT',
    path: '/api/legal/calendar/days/:date',
    summary: 'Make a date a working day or a day off (system administrator; kept in the edit history)',
    params: ZDayParams,
    body: ZCalendarDayInput,
    response: ZCalendarYear,
  }),
  ruleSets: endpoint({
    method: 'GET',
    path: '/api/legal/rule-sets',
    summary: 'Versions of the legal time-limit rules with the dates they apply from',
    response: ZRuleSets,
  }),
  ruleSet: endpoint({
    method: 'GET',
    path: '/api/legal/rule-sets/:code',
    summary: 'One version of the rules: every time limit per case kind and step with its legal basis',
    params: ZRuleSetParams,
    response: ZRuleSet,
  }),
  createRuleSet: endpoint({
    method: 'POST',
    path: '/api/legal/rule-sets',
    summary: 'A new version of the rules, copied from another, in force from a date (system administrator)',
    body: ZRuleSetInput,
    response: ZRuleSet,
  }),
  updateRule: endpoint({
    method: 'PATCH',
    path: '/api/legal/rules/:id',
    summary: "Correct a rule's count, unit, allowances or UNCONFIRMED mark (system administrator; kept in the edit history)",
    params: ZIdParams,
    body: ZRuleInput,
    response: ZRule,
  }),
  edits: endpoint({
    method: 'GET',
    path: '/api/legal/edits',
    summary: 'History of the administrators’ edits of the calendar and the rules (who, when, before/after)',
    query: ZLegalEditQuery,
    response: ZLegalEdits,
  }),
};

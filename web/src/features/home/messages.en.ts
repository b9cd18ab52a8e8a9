import type { homeVi } from './messages.vi.ts';

/** English for messages.vi.ts (same keys), fetched only when English is chosen (i18n/en.ts). */
export const homeEn: Record<keyof typeof homeVi, string> = {
  'home.title': 'Home',
  'home.greeting': 'Hello, {name}',
  'home.yourUnit': 'Your unit:',
  'home.wholeCountry': 'You administer the whole system: the figures below are for the whole country.',
  'home.capabilities': 'Capabilities',
  'home.due': 'Periodic reports due',
  'home.dueNone': 'No report form is assigned to your unit yet.',
  'home.dueOn': 'due {date}',
  'home.overdue': 'Overdue',
  'home.notSent': 'Not sent',
  'home.returnedHint': 'to be corrected and sent again',
  'home.sentOn': 'sent on {date}',
  'home.enter': 'Enter the report',
  'home.view': 'View the report',
  'home.viewCompleteness': 'See who has reported',
  'home.unitsSent': '{sent}/{expected} units reported',
  'home.unitsMissing': '{count} not sent',
  'home.unitsLate': '{count} late',
  'home.unitsReturned': '{count} returned',
  'home.allReports': 'See all report forms',
  'home.recent': 'Recent changes',
  'home.recentNone': 'No changes in your units yet.',
  'home.auditLink': 'Open the audit log',
};

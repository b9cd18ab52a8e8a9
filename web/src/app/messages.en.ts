import type { appVi } from './messages.vi.ts';

/** English for messages.vi.ts (same keys), fetched only when English is chosen (i18n/en.ts). */
export const appEn: Record<keyof typeof appVi, string> = {
  'app.name': 'Dân vận số',

  'common.loading': 'Loading…',
  'common.none': '—',
  'common.all': 'All',
  'common.from': 'From',
  'common.to': 'To',
  'common.save': 'Save',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.cancel': 'Cancel',

  'error.http': 'The server answered with error {status}. Please try again.',
  'error.network': 'Cannot reach the server. Check the connection and try again.',
  'error.unknown': 'Something went wrong. Please try again.',
  'error.forbiddenPage': 'You may not view this page.',

  'layout.skipToContent': 'Skip to main content',
  'layout.menu': 'Menu',
  'layout.allUnits': 'Whole country',
  'layout.english': 'English',
  'layout.vietnamese': 'Tiếng Việt',

  'nav.label': 'Capabilities',
  'nav.home': 'Home',
  'nav.units': 'Units and organisations',
  'nav.programmes': 'Programmes and targets',
  'nav.periodicReports': 'Periodic reports and consolidation',
  'nav.emulation': '“Dân vận khéo” emulation',
  'nav.petitions': 'Citizen reception and petitions',
  'nav.grassroots': 'Grassroots activity and public sentiment',
  'nav.training': 'Training',
  'nav.surveys': 'Sociological surveys',
  'nav.documents': 'Documents and reports',
  'nav.account': 'Account',
  'nav.admin': 'Administration',
  'nav.users': 'Users',
  'nav.audit': 'Audit log',

  'notBuilt.message': 'This capability is not available yet.',

  'notFound.title': 'Page not found',
  'notFound.message': 'This address does not exist in Dân vận số. Go to the home page or choose a capability.',

  'import.file': 'Choose a file (.xlsx, .csv)',
  'import.preview': 'Preview',
  'import.previewTable': 'Rows read from the file',
  'import.row': 'Row',
  'import.errors': 'Errors',
  'import.rowError': 'Row {row}: {message}',
  'import.hasErrors': '{count} errors. Nothing was written: fix the file and preview again.',
  'import.ready': '{count} rows read, no errors.',
  'import.confirm': 'Import {count} rows',
  'import.done': '{count} rows imported.',
  'import.queued': 'Waiting to process the file…',
  'import.progress': 'Processed {done}/{total} rows',

  'outbox.queued': 'Saved on this device, waiting to send: {count}',
  'outbox.sending': 'Sending…',
  'outbox.sent': 'Sent to the server',
  'outbox.failed': 'Could not send: {count}',
  'outbox.failedList': 'Changes the server did not accept',
  'outbox.retry': 'Send again',
  'outbox.discard': 'Discard change',

  'demo.banner': 'Sample data, not for real data',
};

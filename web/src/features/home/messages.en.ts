import type { homeVi } from './messages.vi.ts';

/** English for messages.vi.ts (same keys), fetched only when English is chosen (i18n/en.ts). */
export const homeEn: Record<keyof typeof homeVi, string> = {
  'home.title': 'Home',
  'home.greeting': 'Hello, {name}',
  'home.yourUnit': 'Your unit:',
  'home.wholeCountry': 'You administer the whole system.',
  'home.useMenu': 'Choose a capability from the menu.',
  'home.capabilities': 'Capabilities',
  'home.ready': 'Available',
  'home.notReady': 'Not yet',
};

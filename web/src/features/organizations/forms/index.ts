import type { WebFeature } from '../../../app/feature.ts';
import { organizationFormsVietnamese } from './catalogue.ts';

/**
 * The forms of the unit and organisation pages that write bodies (register a body with a type in force, record
 * the body that took one over, date its document abbreviation): no page of their own; their strings are fetched
 * with those pages, outside the first load.
 */
export const organizationFormsFeature: WebFeature = {
  name: 'organizations/forms',
  routes: [],
  messages: { vi: organizationFormsVietnamese, en: () => import('./messages.en.ts').then((m) => m.organizationFormsEn) },
};

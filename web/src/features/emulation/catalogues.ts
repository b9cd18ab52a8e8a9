import type { VietnameseLoader } from '../../i18n/i18n.ts';

/**
 * The Vietnamese catalogues of the emulation pages (campaigns, models, review), fetched with any of them: they are
 * not in the first load, and their pages show one another's strings (a campaign links to its review, the review and
 * the models share the section bar).
 */
export const emulationVietnamese = () => import('./messages.vi.ts').then((m) => m.emulationVi);
export const emulationModelsVietnamese = () => import('./models/messages.vi.ts').then((m) => m.emulationModelsVi);
export const emulationReviewVietnamese = () => import('./review/messages.vi.ts').then((m) => m.emulationReviewVi);
export const EMULATION_CATALOGUES: readonly VietnameseLoader[] = [emulationVietnamese, emulationModelsVietnamese, emulationReviewVietnamese];

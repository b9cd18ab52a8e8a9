import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { announceOutboxEndpoint } from '../../components/outbox/sender.ts';
import { STAFF_SUBMIT_OUTBOX_KEY } from '../surveys-public/keys.ts';
import { surveysPublicVietnamese } from '../surveys-public/index.ts';

/** The staff's Vietnamese strings, fetched with the survey pages (not in the first load). */
export const surveysVietnamese = () => import('./messages.vi.ts').then((m) => m.surveysVi);
/** The survey pages show the respondent's strings too (the questionnaire preview, the checks of the keying screen). */
const CATALOGUES = [surveysVietnamese, surveysPublicVietnamese];

// paper forms typed offline are sent after a reload too, whichever page is open
announceOutboxEndpoint(STAFF_SUBMIT_OUTBOX_KEY, () => import('./outbox.ts').then((m) => m.staffSubmitOutbox.endpoint));

/**
 * Sociological surveys (issue 13), staff side: the list and a new survey, a survey's questionnaire (XLSForm or the
 * builder), sample, links and responses, the paper keying screen, the double-entry review and corrections, the import
 * of responses from a file, the tabulation.
 */
export const surveysFeature: WebFeature = {
  name: 'surveys',
  routes: [
    { path: 'khao-sat', page: lazyPage(() => import('./SurveysPage.tsx'), 'SurveysPage', CATALOGUES) },
    { path: 'khao-sat/:id', page: lazyPage(() => import('./SurveyPage.tsx'), 'SurveyPage', CATALOGUES) },
    { path: 'khao-sat/:id/ket-qua', page: lazyPage(() => import('./TabulationPage.tsx'), 'TabulationPage', CATALOGUES) },
    { path: 'khao-sat/:id/nhap-phieu', page: lazyPage(() => import('./KeyingPage.tsx'), 'KeyingPage', CATALOGUES) },
    { path: 'khao-sat/:id/bang-hoi', page: lazyPage(() => import('./BuilderPage.tsx'), 'BuilderPage', CATALOGUES) },
    { path: 'khao-sat/:id/doi-chieu', page: lazyPage(() => import('./ReviewPage.tsx'), 'ReviewPage', CATALOGUES) },
    { path: 'khao-sat/:id/nhap-tep', page: lazyPage(() => import('./ImportPage.tsx'), 'ImportPage', CATALOGUES) },
  ],
  nav: [{ to: '/khao-sat', label: 'nav.surveys', section: 'main', action: 'surveys.read' }],
  messages: { vi: surveysVietnamese, en: () => import('./messages.en.ts').then((m) => m.surveysEn) },
};

import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { announceOutboxEndpoint } from '../../components/outbox/sender.ts';
import { SENTIMENT_OUTBOX_KEY } from './keys.ts';

/** The Vietnamese strings, fetched with the sentiment page (not in the first load). */
export const sentimentVietnamese = () => import('./messages.vi.ts').then((m) => m.sentimentVi);

// reports saved offline are sent after a reload too, whichever page is open
announceOutboxEndpoint(SENTIMENT_OUTBOX_KEY, () => import('./outbox.ts').then((m) => m.sentimentReportOutbox.endpoint));

/**
 * Public sentiment (tình hình nhân dân, dư luận xã hội; issue 14 item 3): the report form (offline through the
 * outbox), the list with filters, the table by commune × topic and the map, the early-warning alerts inbox.
 */
export const sentimentFeature: WebFeature = {
  name: 'sentiment',
  routes: [{ path: 'tinh-hinh-nhan-dan', page: lazyPage(() => import('./SentimentPage.tsx'), 'SentimentPage', [sentimentVietnamese]) }],
  nav: [{ to: '/tinh-hinh-nhan-dan', label: 'nav.sentiment', section: 'main', action: 'sentiment.read' }],
  messages: { vi: sentimentVietnamese, en: () => import('./messages.en.ts').then((m) => m.sentimentEn) },
};

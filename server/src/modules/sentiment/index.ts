import type { ServerModule } from '#server/shared/module.ts';
import { sentimentDemoStep } from './demo/sentiment-demo-step.ts';
import { sentimentDerivedValues } from './sentiment-derived.ts';
import { sentimentScopeFixtures } from './sentiment.fixtures.ts';
import { registerSentimentRoutes } from './sentiment.routes.ts';

/**
 * Public sentiment (tình hình nhân dân, dư luận xã hội; issue 14 item 3): reports by a Tổ dân vận, a Khối dân vận or a
 * cadre (idempotent by the client's UUIDv7, so the form goes through the browser outbox), early-warning rules that
 * are configuration, evaluated in the writer's transaction and raising one alert per rule × commune × topic while
 * open, addressed to the province, which acknowledges, follows up and closes it on the workflow helper; the table
 * by commune × topic, the map, and the derived values.
 */
export const sentimentModule: ServerModule = {
  name: 'sentiment',
  registerRoutes: (api, context) => registerSentimentRoutes(api, context),
  scopeFixtures: async (db, unitId) => sentimentScopeFixtures(db, unitId),
  derivedValues: sentimentDerivedValues,
  demoSteps: [sentimentDemoStep],
};

/** The active topics of public sentiment (other modules tag what they heard with the same codes: briefings). */
export { listTopics as listSentimentTopics } from './sentiment.repository.ts';

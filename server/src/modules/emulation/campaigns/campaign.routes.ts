import type { FastifyInstance } from 'fastify';
import { campaignEndpoints } from '#contracts/emulation/campaign.ts';
import { campaignPackEndpoints } from '#contracts/emulation/pack.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { listCampaignPacks, loadCampaignPack } from '../packs/pack-load.service.ts';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from './campaign.service.ts';

/** Campaign endpoints (contracts/src/emulation/campaign.ts). */
export function registerCampaignRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, campaignEndpoints.listCampaigns, async ({ actor, query }) => listCampaigns(db, actor, query));
  registerEndpoint(app, campaignEndpoints.getCampaign, async ({ actor, params }) => getCampaign(db, actor, params.id));
  registerEndpoint(app, campaignEndpoints.createCampaign, async ({ actor, body }) => createCampaign(db, actor, body));
  registerEndpoint(app, campaignEndpoints.updateCampaign, async ({ actor, params, body }) => updateCampaign(db, actor, params.id, body));
  registerEndpoint(app, campaignPackEndpoints.listCampaignPacks, async ({ actor }) => listCampaignPacks(actor));
  registerEndpoint(app, campaignPackEndpoints.loadCampaignPack, async ({ actor, body }) => loadCampaignPack(db, actor, body));
}

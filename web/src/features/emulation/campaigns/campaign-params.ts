import { useSearchParams } from 'react-router';

export const CAMPAIGN_TABS = ['overview', 'commitments', 'criteria', 'tasks', 'timeline', 'participants'] as const;
export type CampaignTab = (typeof CAMPAIGN_TABS)[number];

/** The part of a campaign shown, kept in the address (?tab=) so a link or a reload shows the same. */
export function useCampaignTab(): CampaignTab {
  const [search] = useSearchParams();
  const tab = search.get('tab') ?? '';
  return (CAMPAIGN_TABS as readonly string[]).includes(tab) ? (tab as CampaignTab) : 'overview';
}

export const campaignTabSearch = (tab: CampaignTab) => (tab === 'overview' ? '' : `?tab=${tab}`);

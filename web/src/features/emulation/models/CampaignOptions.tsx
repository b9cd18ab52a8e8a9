import { useCampaigns } from '../campaigns/campaigns.api.ts';

/** The options of a campaign picker: the campaigns the user may read (launched in or above their unit), newest first (the year when the title does not say it). */
export function CampaignOptions() {
  const campaigns = useCampaigns({});
  return (
    <>
      {(campaigns.data ?? []).map((c) => (
        <option key={c.id} value={c.id}>
          {c.title.includes(String(c.year)) ? c.title : `${c.title} (${c.year})`}
        </option>
      ))}
    </>
  );
}

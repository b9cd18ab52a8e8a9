import { useQuery } from '@tanstack/react-query';
import { healthEndpoints } from '#contracts/health.ts';
import { call } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';

/** Demo mode (the server's DEMO): every page, the login page included, says the data is a sample. */
export function DemoBanner() {
  const { data } = useQuery({ queryKey: ['health'], queryFn: () => call(healthEndpoints.health), staleTime: Infinity });
  if (!data?.demo) return null;
  return (
    <p className="demo-banner" role="note">
      {t('demo.banner')}
    </p>
  );
}

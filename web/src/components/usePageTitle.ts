import { useEffect } from 'react';
import { t } from '../i18n/i18n.ts';

/** Sets the browser tab title: "Đơn vị hành chính · Dân vận số". */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title]);
}

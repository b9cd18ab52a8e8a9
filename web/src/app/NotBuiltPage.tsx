import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';

/** A capability that does not exist yet: said plainly, with no made-up data. */
export function NotBuiltPage({ title }: { title: MessageKey }) {
  usePageTitle(t(title));
  return (
    <section>
      <h1>{t(title)}</h1>
      <p>{t('notBuilt.message')}</p>
    </section>
  );
}

/** An address that matches no page. */
export function NotFoundPage() {
  usePageTitle(t('notFound.title'));
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.message')}</p>
      <p>
        <Link className="button" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </section>
  );
}

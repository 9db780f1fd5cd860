import { Link } from 'wouter-preact';
import { Page } from '../components/Page';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';

export default function NotFoundPage() {
  const t = useT(common);
  return (
    <Page title={t('notFoundTitle')}>
      <p>{t('notFoundBody')}</p>
      <Link href="/">{t('home')}</Link>
    </Page>
  );
}

/** The home page: what Adl does, the way in, and the services open to everyone. */
import { Link } from 'wouter-preact';
import { Page } from '../../components/Page';
import { common } from '../../i18n/common';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { homeMessages } from './messages';

export default function HomePage() {
  const t = useT(homeMessages);
  const tc = useT(common);
  const signedIn = useSession().status !== 'anonymous';
  const card = (href: string, title: string, description: string) => (
    <li className="card">
      <h3 className="heading-s">
        <Link href={href}>{title}</Link>
      </h3>
      <p>{description}</p>
    </li>
  );
  return (
    <Page title={t('title')}>
      <p className="lead">{t('lead')}</p>
      <Link href={signedIn ? '/dashboard' : '/sign-in'} className="button button--start">
        {signedIn ? t('goToDashboard') : t('startNow')}
      </Link>
      <h2 className="heading-m">{t('publicServices')}</h2>
      <ul className="cards">
        {card('/verify', tc('verify'), t('verifyDescription'))}
        {card('/cause-list', tc('causeList'), t('causeListDescription'))}
        {card('/statistics', tc('statistics'), t('statisticsDescription'))}
      </ul>
    </Page>
  );
}

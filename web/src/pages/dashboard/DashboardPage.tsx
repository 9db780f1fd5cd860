/** The signed-in person's dashboard. */
import { Page } from '../../components/Page';
import { useLang, useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { dashboardMessages } from './messages';

export default function DashboardPage() {
  const t = useT(dashboardMessages);
  const lang = useLang();
  const state = useSession();
  const user = state.status === 'anonymous' ? null : state.auth.user;
  return (
    <Page title={t('title')}>{user && <p className="lead">{t('welcome', { name: lang === 'ar' ? user.nameAr : user.nameEn })}</p>}</Page>
  );
}

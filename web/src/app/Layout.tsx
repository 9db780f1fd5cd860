/** The frame of every page: skip link, header with the service name, navigation and language switch, main, footer. */
import type { ComponentChildren } from 'preact';
import { Link, useLocation } from 'wouter-preact';
import { useMutation, useQuery } from '@urql/preact';
import { useMemo } from 'preact/hooks';
import { graphql } from '../gql';
import { common } from '../i18n/common';
import { setLang, useLang, useT } from '../i18n/i18n';
import { SIGN_OUT } from '../lib/api';
import { session, useSession } from '../lib/session';

const UNREAD = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export function Layout({ children }: { children: ComponentChildren }) {
  const t = useT(common);
  const lang = useLang();
  const state = useSession();
  const [location, navigate] = useLocation();
  const [, logout] = useMutation(SIGN_OUT);
  const signedIn = state.status !== 'anonymous';
  // The unread count follows every notice marked read (a mutation answering a Notification).
  const unreadContext = useMemo(() => ({ additionalTypenames: ['Notification'] }), []);
  const [unread] = useQuery({ query: UNREAD, pause: !signedIn, context: unreadContext });
  const unreadCount = unread.data?.unreadNotificationCount;
  const other = lang === 'ar' ? 'en' : 'ar';
  const link = (href: string, label: string) => (
    <li>
      <Link href={href} aria-current={location === href ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
  const signOut = async () => {
    await logout({});
    session.signedOut();
    navigate('/');
  };
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="header">
        <div className="header__inner">
          <Link href="/" className="header__brand">
            <span className="header__name">{t('serviceName')}</span>
            <span className="header__tagline">{t('serviceTagline')}</span>
          </Link>
          <button
            type="button"
            className="link-button header__lang"
            lang={other}
            aria-label={t('switchLanguageLabel')}
            onClick={() => void setLang(other)}
          >
            {t('switchLanguage')}
          </button>
        </div>
        <nav className="nav" aria-label={t('mainNavigation')}>
          <ul className="nav__list">
            {link('/', t('home'))}
            {signedIn && link('/dashboard', t('dashboard'))}
            {signedIn && link('/notifications', unreadCount ? t('notificationsWithCount', { count: unreadCount }) : t('notifications'))}
            {signedIn && link('/file', t('fileClaim'))}
            {signedIn && link('/poa', t('powersOfAttorney'))}
            {signedIn && link('/contracts', t('contracts'))}
            {link('/verify', t('verify'))}
            {link('/cause-list', t('causeList'))}
            {link('/statistics', t('statistics'))}
            {signedIn ? (
              <li>
                <button type="button" className="link-button" onClick={() => void signOut()}>
                  {t('signOut')}
                </button>
              </li>
            ) : (
              link('/sign-in', t('signIn'))
            )}
          </ul>
        </nav>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <p>{t('footerNote')}</p>
      </footer>
    </>
  );
}

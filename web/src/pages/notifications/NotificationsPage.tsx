/**
 * The signed-in person's notifications, newest first, the unread ones marked, each with a button
 * that marks it read (the count in the navigation follows) and a link to its case.
 */
import { useMutation, useQuery } from '@urql/preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { DualDate } from '../../components/DualDate';
import { Loading, Page } from '../../components/Page';
import { graphql } from '../../gql';
import type { NotificationsPageQuery } from '../../gql/graphql';
import { common } from '../../i18n/common';
import { useT } from '../../i18n/i18n';
import { isolateCodes } from '../../lib/format';
import { notificationsMessages } from './messages';

const PAGE = 20;

const NOTIFICATIONS = graphql(`
  query NotificationsPage($first: Int!) {
    notifications(first: $first) {
      edges {
        node {
          id
          title
          body
          createdAt
          readAt
          lawsuitId
        }
      }
      pageInfo {
        hasNextPage
      }
    }
    unreadNotificationCount
  }
`);

const MARK_READ = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      readAt
    }
  }
`);

type Item = NotificationsPageQuery['notifications']['edges'][number]['node'];

export default function NotificationsPage() {
  const t = useT(notificationsMessages);
  const tc = useT(common);
  const [first, setFirst] = useState(PAGE);
  const context = useMemo(() => ({ additionalTypenames: ['Notification'] }), []);
  const [{ data, error }] = useQuery({ query: NOTIFICATIONS, variables: { first }, requestPolicy: 'cache-and-network', context });
  const items = data?.notifications.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('title')}>
      {!data && !error && <Loading />}
      {!data && error && (
        <p className="notice" role="alert">
          {t('loadFailed')}
        </p>
      )}
      {data && (
        <>
          <p className="lead">{tc('unreadCount', { count: data.unreadNotificationCount })}</p>
          {items.length ? (
            <ul className="dash-list">
              {items.map((n) => (
                <NotificationItem key={n.id} item={n} />
              ))}
            </ul>
          ) : (
            <p>{t('none')}</p>
          )}
          {data.notifications.pageInfo.hasNextPage && (
            <button type="button" className="button button--secondary" onClick={() => setFirst(first + PAGE)}>
              {t('showMore')}
            </button>
          )}
        </>
      )}
    </Page>
  );
}

function NotificationItem({ item: n }: { item: Item }) {
  const t = useT(notificationsMessages);
  const [{ fetching, error }, markRead] = useMutation(MARK_READ);
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = `notification-${n.id}`;
  // The button goes once the notice is read: focus moves to its heading rather than to nowhere.
  const read = async () => {
    const result = await markRead({ id: n.id });
    if (result.data) heading.current?.focus();
  };
  return (
    <li className={n.readAt ? 'dash-item' : 'dash-item dash-item--unread'}>
      <h2 className="heading-s" id={titleId} ref={heading} tabIndex={-1}>
        {!n.readAt && <span className="tag tag--green">{t('unreadTag')}</span>} {isolateCodes(n.title)}
      </h2>
      <p className="dash-item__body">{isolateCodes(n.body)}</p>
      <p className="hint">
        {`${t('received')} `}
        <DualDate value={n.createdAt} withTime />
      </p>
      {n.lawsuitId && (
        <Link href={`/cases/${n.lawsuitId}`} aria-describedby={titleId}>
          {t('openCase')}
        </Link>
      )}
      {!n.readAt && (
        <div>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={fetching}
            aria-describedby={titleId}
            onClick={() => void read()}
          >
            {t('markRead')}
          </button>
        </div>
      )}
      {error && (
        <p className="field__error" role="alert">
          {t('markReadFailed')}
        </p>
      )}
    </li>
  );
}

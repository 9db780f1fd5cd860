/**
 * The signed-in person's dashboard: what is waiting for them, their coming hearings (with the way
 * in to a remote one once it opens), their deadlines counting down, their cases with where each
 * stands and what comes next, and their unread notifications. One query; the agenda (`myAgenda`)
 * is the API's account of what is theirs to do, across their own cases and those they act for.
 */
import { useQuery } from '@urql/preact';
import { useMemo } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { Loading, Page } from '../../components/Page';
import { graphql } from '../../gql';
import { common } from '../../i18n/common';
import { useLang, useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { ActionsSection } from './ActionsSection';
import { CasesSection } from './CasesSection';
import { DeadlinesSection } from './DeadlinesSection';
import { HearingsSection } from './HearingsSection';
import { dashboardMessages } from './messages';

const DASHBOARD = graphql(`
  query Dashboard {
    myAgenda {
      at
      hearings {
        hearingId
        lawsuitId
        caseNumber
        courtNameAr
        courtNameEn
        startsAt
        endsAt
        mode
        room
        joinLink
        joinOpensAt
        role {
          side
          representing
          partyNameAr
          partyNameEn
        }
      }
      deadlines {
        kind
        lawsuitId
        billId
        caseNumber
        dueAt
        secondsLeft
        titleAr
        titleEn
        deadline {
          dueOnHijriAr
          dueOnHijriEn
        }
      }
      actions {
        kind
        lawsuitId
        subjectId
        caseNumber
        dueAt
        titleAr
        titleEn
      }
    }
    courts {
      id
      nameAr
      nameEn
    }
    unreadNotificationCount
  }
`);

// Apart from the agenda: one query of all three would pass the API's cost limit (docs/api.md).
const MY_CASES = graphql(`
  query DashboardCases {
    lawsuits(first: 20) {
      edges {
        node {
          ...DashboardCase
          settlements {
            id
            state
            consents {
              partyId
            }
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

const MY_CONTRACTS = graphql(`
  query DashboardContracts {
    myContracts(filter: { states: [AWAITING_SIGNATURES] }, first: 20) {
      edges {
        node {
          id
          number
          parties {
            id
            nationalId
            signatoryNationalId
          }
          signatures {
            partyId
            purpose
            invalidatedAt
          }
        }
      }
    }
  }
`);

/** What a case card shows (the dashboard's list and its search alike). */
export const CASE_FIELDS = graphql(`
  fragment DashboardCase on Lawsuit {
    id
    caseNumber
    subject
    state
    courtId
    parties {
      id
      side
      nationalId
      representativeId
      nameAr
      nameEn
    }
  }
`);

/** The three queries, fresh every time the page opens: deadlines and a hearing's way in move with the clock. */
function useDashboard() {
  const context = useMemo(() => ({ additionalTypenames: ['Notification', 'Bill', 'Hearing', 'Settlement', 'Contract'] }), []);
  const [agenda] = useQuery({ query: DASHBOARD, requestPolicy: 'cache-and-network', context });
  const [cases] = useQuery({ query: MY_CASES, requestPolicy: 'cache-and-network', context });
  const [contracts] = useQuery({ query: MY_CONTRACTS, requestPolicy: 'cache-and-network', context });
  const data =
    agenda.data && cases.data && contracts.data
      ? { ...agenda.data, lawsuits: cases.data.lawsuits, myContracts: contracts.data.myContracts }
      : null;
  return { data, error: agenda.error ?? cases.error ?? contracts.error };
}

export default function DashboardPage() {
  const t = useT(dashboardMessages);
  const tc = useT(common);
  const lang = useLang();
  const state = useSession();
  const { data, error } = useDashboard();
  const user = state.status === 'anonymous' ? null : state.auth.user;
  const me = useMemo(() => (user ? { id: user.id, nationalId: user.nationalId } : null), [user]);
  return (
    <Page title={t('title')} wide>
      {user && <p className="lead">{t('welcome', { name: lang === 'ar' ? user.nameAr : user.nameEn })}</p>}
      {!data && !error && <Loading />}
      {!data && error && (
        <p className="notice" role="alert">
          {t('loadFailed')}
        </p>
      )}
      {data && me && (
        <div className="dashboard">
          <ActionsSection
            actions={data.myAgenda.actions}
            lawsuits={data.lawsuits.edges.map((e) => e.node)}
            contracts={data.myContracts.edges.map((e) => e.node)}
            me={me}
          />
          <HearingsSection hearings={data.myAgenda.hearings} at={data.myAgenda.at} />
          <DeadlinesSection deadlines={data.myAgenda.deadlines} />
          <CasesSection
            lawsuits={data.lawsuits.edges.map((e) => e.node)}
            more={data.lawsuits.pageInfo.hasNextPage}
            courts={data.courts}
            agenda={data.myAgenda}
            me={me}
          />
          <section className="dashboard__section" aria-labelledby="notifications-title">
            <h2 id="notifications-title" className="heading-m">
              {tc('notifications')}
            </h2>
            <p>{tc('unreadCount', { count: data.unreadNotificationCount })}</p>
            <Link href="/notifications">{t('allNotifications')}</Link>
          </section>
        </div>
      )}
    </Page>
  );
}

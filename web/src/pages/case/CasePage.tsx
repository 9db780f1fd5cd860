/**
 * A case (docs/domain.md, "Lawsuits"): its header, what has happened, hearings with minutes,
 * pleadings with their files, documents, and the judgment with the caller's objection window and
 * execution. A case the caller may not read answers exactly as a missing one.
 */
import { useQuery } from '@urql/preact';
import { Link, useParams, useSearchParams } from 'wouter-preact';
import { Loading, Page } from '../../components/Page';
import { graphql } from '../../gql';
import { common } from '../../i18n/common';
import { useLang, useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import { CASE_PAGE, type CaseData } from './case-query';
import { DocumentsSection } from './DocumentsSection';
import { HearingsSection } from './HearingsSection';
import { JudgmentSection } from './JudgmentSection';
import { caseMessages } from './messages';
import { partyName, represented, type Me } from './parties';
import { PleadingsSection } from './PleadingsSection';
import { TimelineSection } from './TimelineSection';
import { ltr } from '../../lib/format';
import { useLawsuitStates } from '../../i18n/states';
import { isNotFound } from '../../lib/not-found';

const COURT = graphql(`
  query CaseCourt($id: ID!) {
    court(id: $id) {
      id
      nameAr
      nameEn
    }
  }
`);

const POA_NUMBER = graphql(`
  query EntitlingPoa($id: ID!) {
    powerOfAttorney(id: $id) {
      id
      number
    }
  }
`);

export default function CasePage() {
  const t = useT(caseMessages);
  const tc = useT(common);
  const { id } = useParams<{ id: string }>();
  const session = useSession();
  const [{ data, error, fetching }, refresh] = useQuery({ query: CASE_PAGE, variables: { id }, requestPolicy: 'cache-and-network' });
  if (session.status === 'anonymous') return null;
  const me: Me = { id: session.auth.user.id, nationalId: session.auth.user.nationalId };
  if (fetching && !data) return <Loading />;
  if (!data) return isNotFound(error) ? <CaseNotFound /> : <Page title={tc('somethingWentWrong')}>{null}</Page>;
  const c = data.lawsuit;
  const reload = () => refresh({ requestPolicy: 'network-only' });
  return (
    <Page title={c.caseNumber ? t('title', { number: ltr(c.caseNumber) }) : t('titleUnnumbered')} wide>
      <CaseHeader c={c} me={me} />
      <TimelineSection c={c} />
      <HearingsSection c={c} />
      <PleadingsSection c={c} />
      <JudgmentSection c={c} me={me} onChange={reload} />
      <DocumentsSection c={c} />
    </Page>
  );
}

export function CaseNotFound() {
  const t = useT(caseMessages);
  const tc = useT(common);
  return (
    <Page title={t('notFoundTitle')}>
      <p>{t('notFoundBody')}</p>
      <Link href="/dashboard">{tc('dashboard')}</Link>
    </Page>
  );
}

function CaseHeader({ c, me }: { c: CaseData; me: Me }) {
  const t = useT(caseMessages);
  const states = useLawsuitStates();
  const lang = useLang();
  const [params] = useSearchParams();
  const [{ data: court }] = useQuery({ query: COURT, variables: { id: c.courtId } });
  const names = (side: string) => new Intl.ListFormat(lang).format(c.parties.filter((p) => p.side === side).map((p) => partyName(p, lang)));
  return (
    <>
      {params.get('objected') && (
        <div className="success" role="status">
          <p>{t('objectedNotice')}</p>
        </div>
      )}
      <dl className="summary-list">
        <div>
          <dt>{t('state')}</dt>
          <dd>
            <span className="tag">{states.label(c.state)}</span> {c.sealed && <span className="tag tag--red">{t('sealed')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('court')}</dt>
          <dd>{court ? (lang === 'ar' ? court.court.nameAr : court.court.nameEn) : '…'}</dd>
        </div>
        <div>
          <dt>{t('category')}</dt>
          <dd>{t(`category_${c.category}`)}</dd>
        </div>
        <div>
          <dt>{t('subject')}</dt>
          <dd>{c.subject}</dd>
        </div>
        <div>
          <dt>{t('claimants')}</dt>
          <dd>{names('CLAIMANT')}</dd>
        </div>
        <div>
          <dt>{t('defendants')}</dt>
          <dd>{names('DEFENDANT')}</dd>
        </div>
      </dl>
      {represented(c, me).map((p) => (
        <EntitlingPoa key={p.id} name={partyName(p, lang)} poaId={p.powerOfAttorneyId!} />
      ))}
    </>
  );
}

/** A representative sees the power of attorney that entitles them to act for the party. */
function EntitlingPoa({ name, poaId }: { name: string; poaId: string }) {
  const t = useT(caseMessages);
  const [{ data }] = useQuery({ query: POA_NUMBER, variables: { id: poaId } });
  const number = data?.powerOfAttorney.number;
  return (
    <div className="notice">
      <p>{number ? t('representing', { name, number: ltr(number) }) : t('representingNoNumber', { name })}</p>
      <Link href={`/poa/${poaId}`}>{t('viewPoa', { number: ltr(number ?? '') })}</Link>
    </div>
  );
}

/**
 * Correcting a returned filing, `/cases/:id/correct` and `/cases/:id/correct/:step`: the filing as
 * the API returns it becomes a draft of its own (kept on this device like a new claim's, until the
 * filing's version moves on), and the wizard opens at the first part the clerk named.
 */
import { useQuery } from '@urql/preact';
import { useRef } from 'preact/hooks';
import { Link, Redirect, useParams } from 'wouter-preact';
import { Loading, Page } from '../../components/Page';
import { common } from '../../i18n/common';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import NotFoundPage from '../NotFoundPage';
import { clearDraft, draftFromLawsuit, loadDraft, type Me } from './draft';
import { FilingWizard } from './FilingWizard';
import { fileMessages } from './messages';
import { FILED } from './queries';
import { isStep, namedSteps } from './steps';

export default function CorrectPage() {
  const { id = '', step } = useParams<{ id: string; step?: string }>();
  const t = useT(fileMessages);
  const tc = useT(common);
  const state = useSession();
  const [{ data, error }] = useQuery({ query: FILED, variables: { id }, requestPolicy: 'network-only' });
  const user = state.status === 'anonymous' ? null : state.auth.user;
  const me: Me | null = user && { id: user.id, nationalId: user.nationalId, nameAr: user.nameAr, nameEn: user.nameEn };
  const lawsuit = data?.lawsuit;
  // Once, as the filing arrives: a draft kept from an earlier return of it no longer fits it.
  const checked = useRef(false);
  if (me && lawsuit && !checked.current) {
    checked.current = true;
    if (loadDraft(me.id, { lawsuitId: id })?.version !== lawsuit.version) clearDraft(me.id, { lawsuitId: id });
  }

  if (!me) return null;
  if (error) return <NotFoundPage />;
  if (!lawsuit) return <Loading />;
  const base = `/cases/${id}/correct`;
  if (lawsuit.state !== 'RETURNED' && lawsuit.state !== 'DRAFT') {
    return (
      <Page title={t('startTitle')}>
        <p>{t('notCorrectable')}</p>
        <Link href="/dashboard">{tc('dashboard')}</Link>
      </Page>
    );
  }
  if (!step) return <Redirect to={`${base}/${namedSteps(lawsuit.returnFields)[0] ?? 'check'}`} replace />;
  if (!isStep(step)) return <NotFoundPage />;
  return <FilingWizard name={{ lawsuitId: id }} base={base} step={step} me={me} initial={() => draftFromLawsuit(lawsuit, me)} />;
}

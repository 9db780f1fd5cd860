/**
 * Filing a claim, `/file` and `/file/:step` (docs/portal.md, "Filing a claim"): the start page —
 * what the person will need, and their claim in progress if they have one — then the wizard.
 */
import { Link, useLocation, useParams } from 'wouter-preact';
import { Page } from '../../components/Page';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../lib/session';
import NotFoundPage from '../NotFoundPage';
import { clearDraft, emptyDraft, loadDraft, type Me } from './draft';
import { FilingWizard } from './FilingWizard';
import { fileMessages } from './messages';
import { isStep } from './steps';

export default function FilePage() {
  const { step } = useParams<{ step?: string }>();
  const state = useSession();
  if (state.status === 'anonymous') return null;
  const { id, nationalId, nameAr, nameEn } = state.auth.user;
  const me: Me = { id, nationalId, nameAr, nameEn };
  if (!step) return <FileStart me={me} />;
  if (!isStep(step)) return <NotFoundPage />;
  return <FilingWizard name="new" base="/file" step={step} me={me} initial={emptyDraft} />;
}

function FileStart({ me }: { me: Me }) {
  const t = useT(fileMessages);
  const [, navigate] = useLocation();
  const draft = loadDraft(me.id, 'new');
  return (
    <Page title={t('startTitle')}>
      <p className="lead">{t('startLead')}</p>
      {draft ? (
        <section className="panel" aria-labelledby="in-progress">
          <h2 id="in-progress" className="heading-m">
            {t('inProgressTitle')}
          </h2>
          <div className="button-group">
            <Link href={draft.lawsuitId ? '/file/check' : '/file/category'} className="button">
              {t('continueDraft')}
            </Link>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                clearDraft(me.id, 'new');
                navigate('/file/category');
              }}
            >
              {t('startAgain')}
            </button>
          </div>
        </section>
      ) : (
        <>
          <h2 className="heading-m">{t('needTitle')}</h2>
          <ul className="list-bullet">
            <li>{t('needDefendant')}</li>
            <li>{t('needClaims')}</li>
            <li>{t('needFiles')}</li>
            <li>{t('needCard')}</li>
          </ul>
          <p>{t('savedNote')}</p>
          <Link href="/file/category" className="button button--start">
            {t('startNow')}
          </Link>
        </>
      )}
    </Page>
  );
}

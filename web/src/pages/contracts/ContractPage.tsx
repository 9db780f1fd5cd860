/**
 * One contract (docs/domain.md, "Notarized contracts"): its office, parties and who has signed,
 * its terms; and, for a party while it awaits signatures, signing with a fresh code from the
 * authenticator app (docs/api.md, "Step-up": no code is sent).
 */
import { useState } from 'preact/hooks';
import { useMutation, useQuery } from '@urql/preact';
import { Link, useParams } from 'wouter-preact';
import { CodeForm } from '../../components/CodeForm';
import { DualDate } from '../../components/DualDate';
import { Loading, Page } from '../../components/Page';
import { graphql } from '../../gql';
import type { ContractPageQuery } from '../../gql/graphql';
import { common } from '../../i18n/common';
import { useLang, useT, type Lang, type Translate } from '../../i18n/i18n';
import { ltr } from '../../lib/format';
import { formatMoney, formatNumber, formatPercent } from '../../lib/format';
import { isNotFound } from '../../lib/not-found';
import { useSession } from '../../lib/session';
import { contractMessages } from './messages';

const CONTRACT = graphql(`
  query ContractPage($id: ID!) {
    contract(id: $id) {
      id
      number
      type
      state
      terms
      freeText
      notarizedAt
      notaryOffice {
        id
        nameAr
        nameEn
      }
      parties {
        id
        role
        nameAr
        nameEn
        nationalId
        signatoryNationalId
      }
      signatures {
        id
        partyId
        purpose
        signedAt
        invalidatedAt
      }
    }
  }
`);

const SIGN = graphql(`
  mutation SignContract($input: SignContractInput!) {
    signContract(input: $input) {
      id
      state
    }
  }
`);

type Contract = ContractPageQuery['contract'];
type T = Translate<(typeof contractMessages)['ar']>;
const MONEY = new Set(['price', 'rent', 'deposit', 'capital', 'estimatedValue', 'debtAmount']);

export default function ContractPage() {
  const t = useT(contractMessages);
  const tc = useT(common);
  const lang = useLang();
  const { id } = useParams<{ id: string }>();
  const session = useSession();
  const [{ data, error, fetching }, refresh] = useQuery({ query: CONTRACT, variables: { id } });
  const [justSigned, setJustSigned] = useState(false);
  if (session.status === 'anonymous') return null;
  if (fetching && !data) return <Loading />;
  if (!data) return isNotFound(error) ? <ContractNotFound /> : <Page title={tc('somethingWentWrong')}>{null}</Page>;
  const c = data.contract;
  const me = session.auth.user.nationalId;
  const signedBy = (partyId: string) => c.signatures.find((s) => s.partyId === partyId && s.purpose === 'SIGN' && !s.invalidatedAt);
  const mine = c.parties.find((p) => p.nationalId === me || p.signatoryNationalId === me);
  const maySign = c.state === 'AWAITING_SIGNATURES' && mine && !signedBy(mine.id);
  return (
    <Page title={t('title', { number: ltr(c.number) })} wide>
      <Link href="/contracts" className="back-link">
        {t('backToList')}
      </Link>
      {justSigned && (
        <div className="success" role="status">
          <p>{t('signedNotice')}</p>
        </div>
      )}
      <dl className="summary-list">
        <div>
          <dt>{t('state')}</dt>
          <dd>
            <span className={c.state === 'NOTARIZED' ? 'tag tag--green' : 'tag'}>{t(`state_${c.state}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('type')}</dt>
          <dd>{t(`type_${c.type}`)}</dd>
        </div>
        <div>
          <dt>{t('office')}</dt>
          <dd>{lang === 'ar' ? c.notaryOffice.nameAr : c.notaryOffice.nameEn}</dd>
        </div>
        {c.notarizedAt && (
          <div>
            <dt>{t('notarizedAt')}</dt>
            <dd>
              <DualDate value={c.notarizedAt} />
            </dd>
          </div>
        )}
      </dl>
      <table className="table">
        <caption>{t('parties')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('signature')}</th>
          </tr>
        </thead>
        <tbody>
          {c.parties.map((p) => {
            const signature = signedBy(p.id);
            return (
              <tr key={p.id}>
                <th scope="row">
                  {lang === 'ar' ? p.nameAr : p.nameEn} {p.id === mine?.id && t('you')}
                </th>
                <td>{t(`role_${p.role}`)}</td>
                <td>
                  {signature ? (
                    <>
                      <span className="tag tag--green">{t('signed')}</span> <DualDate value={signature.signedAt} withTime />
                    </>
                  ) : (
                    t('notSigned')
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2 className="heading-m">{t('terms')}</h2>
      <Terms terms={c.terms} t={t} lang={lang} />
      {c.freeText && (
        <>
          <h3 className="heading-s">{t('freeText')}</h3>
          <p className="pre-line">{c.freeText}</p>
        </>
      )}
      {maySign && (
        <SignForm
          c={c}
          onSigned={() => {
            setJustSigned(true);
            refresh({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </Page>
  );
}

function ContractNotFound() {
  const t = useT(contractMessages);
  return (
    <Page title={t('notFoundTitle')}>
      <p>{t('notFoundBody')}</p>
      <Link href="/contracts">{t('backToList')}</Link>
    </Page>
  );
}

/** The structured terms of the contract's type (the API's `terms`), each labelled. */
function Terms({ terms, t, lang }: { terms: unknown; t: T; lang: Lang }) {
  const entries = Object.entries((terms ?? {}) as Record<string, unknown>).filter(
    ([k, v]) => v !== null && v !== undefined && k !== 'currency',
  );
  const value = (key: string, v: unknown) => {
    if (key === 'shares' && Array.isArray(v))
      return (v as { nationalId: string; percent: number }[])
        .map((s) => t('share', { nationalId: s.nationalId, percent: formatPercent(s.percent / 100, lang) }))
        .join('\n');
    if (typeof v === 'number') return MONEY.has(key) ? formatMoney(v, lang) : formatNumber(v, lang);
    return String(v);
  };
  return (
    <dl className="summary-list">
      {entries.map(([key, v]) => (
        <div key={key}>
          <dt>{t(`term_${key as 'price'}`)}</dt>
          <dd className="pre-line">{value(key, v)}</dd>
        </div>
      ))}
    </dl>
  );
}

function SignForm({ c, onSigned }: { c: Contract; onSigned: () => void }) {
  const t = useT(contractMessages);
  const [{ fetching }, sign] = useMutation(SIGN);
  return (
    <CodeForm
      id="sign"
      title={t('signTitle')}
      label={t('otp')}
      hint={t('otpHint')}
      missing={t('otpMissing')}
      submitLabel={t('sign')}
      busy={fetching}
      send={async (otp) => (await sign({ input: { id: c.id, otp } })).error}
      onDone={onSigned}
    >
      <p>{t('signBody')}</p>
    </CodeForm>
  );
}

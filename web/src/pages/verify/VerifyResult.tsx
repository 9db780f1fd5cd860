/**
 * What a check found, said plainly first (genuine and in force, genuine but no longer in force, or
 * not found), then the details the API gives anyone holding the number and code: names come
 * masked from the API and are shown as they come.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { DualDate } from '../../components/DualDate';
import { useLang, useT } from '../../i18n/i18n';
import { verifyMessages } from './messages';
import type { Verification } from './verification';

type Tone = 'good' | 'warning' | 'bad';

function Verdict({ tone, title, focus, children }: { tone: Tone; title: string; focus: boolean; children?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus, title]);
  return (
    <div className={`verdict verdict--${tone}`}>
      <h2 ref={heading} tabIndex={-1} className="heading-m verdict__title">
        {title}
      </h2>
      {children}
    </div>
  );
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Numbers and codes as typed, left to right even in an Arabic line (a masked ID has no letter to tell it). */
const Ltr = ({ children }: { children: ComponentChildren }) => <bdi dir="ltr">{children}</bdi>;

export function VerifyResult({ result, focus }: { result: Verification; focus: boolean }) {
  const t = useT(verifyMessages);
  const lang = useLang();
  const name = (p: { nameAr: string; nameEn: string }) => (lang === 'ar' ? p.nameAr : p.nameEn);
  const idOf = (id: string) => (
    <span className="hint">
      {t('nationalId')} <Ltr>{id}</Ltr>
    </span>
  );
  const inForceTag = (inForce: boolean) => (
    <strong className={`tag ${inForce ? 'tag--green' : 'tag--red'}`}>{inForce ? t('inForce') : t('notInForce')}</strong>
  );

  switch (result.kind) {
    case 'none':
      return (
        <Verdict tone="bad" title={t('notFoundTitle')} focus={focus}>
          <p>{t('notFoundBody')}</p>
        </Verdict>
      );
    case 'document': {
      const d = result.document;
      const i = d.instrument;
      const state = i ? (lang === 'ar' ? i.stateAr : i.stateEn) : null;
      return (
        <>
          <Verdict tone={i && !i.active ? 'warning' : 'good'} title={t('genuineDocument')} focus={focus}>
            {i && !i.active && <p>{t('documentNotStanding', { state: state! })}</p>}
          </Verdict>
          <dl className="summary-list">
            <Row label={t('kind')}>{lang === 'ar' ? d.kindAr : d.kindEn}</Row>
            <Row label={t('numberLabel')}>
              <Ltr>{d.number}</Ltr>
            </Row>
            {d.issuedAt && (
              <Row label={t('issuedOn')}>
                <DualDate value={d.issuedAt} />
              </Row>
            )}
            {i && (
              <>
                <Row label={t('reference')}>
                  <Ltr>{i.reference}</Ltr>
                </Row>
                <Row label={t('currentState')}>
                  {inForceTag(i.active)} {state}
                </Row>
              </>
            )}
            {d.sha256 && (
              <Row label={t('fingerprint')}>
                <code dir="ltr" className="verify__hash">
                  {d.sha256}
                </code>
                <span className="hint verify__hash-hint">{t('fingerprintHint')}</span>
              </Row>
            )}
          </dl>
        </>
      );
    }
    case 'poa': {
      const p = result.poa;
      const active = p.state === 'ACTIVE';
      const state = t(`poaState_${p.state}`);
      return (
        <>
          <Verdict tone={active ? 'good' : 'warning'} title={active ? t('genuinePoa') : t('poaNotInForce', { state })} focus={focus} />
          <dl className="summary-list">
            <Row label={t('kind')}>{t('powerOfAttorney')}</Row>
            <Row label={t('numberLabel')}>
              <Ltr>{p.number}</Ltr>
            </Row>
            <Row label={t('currentState')}>
              {inForceTag(active)} {!active && state}
            </Row>
            <Row label={t('issuedBy')}>{t(`issuance_${p.issuance}`)}</Row>
            <Row label={t('validFrom')}>
              <DualDate value={p.validFrom} />
            </Row>
            <Row label={t('validTo')}>
              <DualDate value={p.validTo} />
            </Row>
            <Row label={t('principals')}>
              <ul className="verify__list">
                {p.principals.map((x, n) => (
                  <li key={n}>
                    {name(x)} {idOf(x.nationalId)}
                  </li>
                ))}
              </ul>
            </Row>
            <Row label={t('agents')}>
              <ul className="verify__list">
                {p.agents.map((x, n) => (
                  <li key={n}>
                    {name(x)} {idOf(x.nationalId)}
                    {' — '}
                    {t(`agentState_${x.state}`)}
                  </li>
                ))}
              </ul>
            </Row>
            <Row label={t('powers')}>
              <ul className="verify__list">
                {p.powers.map((x) => (
                  <li key={x.code}>
                    {name(x)} {inForceTag(x.inForce)}
                  </li>
                ))}
              </ul>
            </Row>
            <Row label={t('canDelegate')}>{p.canDelegate ? t('yes') : t('no')}</Row>
          </dl>
        </>
      );
    }
    case 'contract': {
      const c = result.contract;
      const state = c.state ? t(`contractState_${c.state}`) : '';
      return (
        <>
          <Verdict
            tone={c.valid ? 'good' : 'warning'}
            title={c.valid ? t('genuineContract') : t('contractNotInForce', { state })}
            focus={focus}
          />
          <dl className="summary-list">
            <Row label={t('kind')}>
              {t('notarizedContract')}
              {c.type && ` — ${t(`contractType_${c.type}`)}`}
            </Row>
            <Row label={t('numberLabel')}>
              <Ltr>{c.number}</Ltr>
            </Row>
            <Row label={t('currentState')}>
              {inForceTag(c.valid)} {!c.valid && state}
            </Row>
            {c.notaryOfficeNameAr && <Row label={t('notaryOffice')}>{lang === 'ar' ? c.notaryOfficeNameAr : c.notaryOfficeNameEn}</Row>}
            {c.notarizedAt && (
              <Row label={t('notarizedOn')}>
                <DualDate value={c.notarizedAt} />
              </Row>
            )}
            {c.cancelledAt && (
              <Row label={t('cancelledOn')}>
                <DualDate value={c.cancelledAt} />
              </Row>
            )}
            {c.voidedAt && (
              <Row label={t('voidedOn')}>
                <DualDate value={c.voidedAt} />
              </Row>
            )}
            <Row label={t('parties')}>
              <ul className="verify__list">
                {c.parties.map((x, n) => (
                  <li key={n}>
                    {name(x)}
                    {' — '}
                    {t(`role_${x.role}`)}
                  </li>
                ))}
              </ul>
            </Row>
          </dl>
        </>
      );
    }
  }
}

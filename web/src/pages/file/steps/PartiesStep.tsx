/**
 * The claimants besides the person filing, or the defendants: each a person by national ID or an
 * organization by its registration number, named in Arabic and in English. A party of a returned
 * filing shows its number masked, as the API gives it, and is kept as filed unless the number is
 * typed again.
 */
import { useState } from 'preact/hooks';
import { errorFor, TextField } from '../../../components/Field';
import { Radios } from '../../../components/Radios';
import type { PartyKind } from '../../../gql/graphql';
import { useLang, useT } from '../../../i18n/i18n';
import type { FormError } from '../../../lib/errors';
import { emptyParty, type PartyDraft } from '../draft';
import { type StepProps, StepPage } from '../FilingWizard';
import { fileMessages } from '../messages';

type Side = 'claimants' | 'defendants';

export function PartiesStep({ side, draft, update, me, apiErrors, notice, done }: StepProps & { side: Side }) {
  const t = useT(fileMessages);
  const lang = useLang();
  const [errors, setErrors] = useState<FormError[]>([]);
  const shown = errors.length ? errors : apiErrors;
  const parties = draft[side];
  const prefix = side === 'claimants' ? 'claimant' : 'defendant';
  // The person filing is claimant 1, so the others count from 2.
  const who = (i: number) => (side === 'claimants' ? t('claimantN', { n: i + 2 }) : t('defendantN', { n: i + 1 }));
  const change = (i: number, patch: Partial<PartyDraft>) =>
    update((d) => ({ [side]: d[side].map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus());
  const add = () => {
    update((d) => ({ [side]: [...d[side], emptyParty()] }));
    focusLater(`${prefix}-${parties.length}-kind`);
  };
  const remove = (i: number) => {
    update((d) => ({ [side]: d[side].filter((_, j) => j !== i) }));
    focusLater(`${side}-add`);
  };

  const next = () => {
    const problems: FormError[] = [];
    const problem = (i: number, control: string, message: string) =>
      problems.push({ target: `${prefix}-${i}-${control}`, message: t('partyProblem', { who: who(i), problem: message }) });
    parties.forEach((p, i) => {
      if (!p.number.trim()) problem(i, 'number', p.kind === 'PERSON' ? t('nationalIdMissing') : t('organizationNumberMissing'));
      else if (!p.partyId && p.number.includes('*')) problem(i, 'number', t('numberMasked'));
      if (!p.nameAr.trim()) problem(i, 'nameAr', t('nameArMissing'));
      if (!p.nameEn.trim()) problem(i, 'nameEn', t('nameEnMissing'));
    });
    if (side === 'defendants' && !parties.length) problems.push({ target: `${side}-add`, message: t('defendantsMissing') });
    return problems.length ? setErrors(problems) : done();
  };

  return (
    <StepPage title={side === 'claimants' ? t('claimantsTitle') : t('defendantsTitle')} errors={shown} notice={notice} onContinue={next}>
      {side === 'claimants' && (
        <>
          <p className="inset">{t('claimantsYou', { name: lang === 'ar' ? me.nameAr : me.nameEn })}</p>
          <p className="hint">{t('claimantsHint')}</p>
        </>
      )}
      {parties.map((p, i) => {
        const id = (control: string) => `${prefix}-${i}-${control}`;
        const kept = !!p.partyId;
        return (
          <fieldset key={p.key} className="fieldset party">
            <legend className="fieldset__legend party__legend">{who(i)}</legend>
            <Radios
              id={id('kind')}
              legend={t('kind')}
              value={p.kind}
              error={errorFor(shown, id('kind'))}
              options={(['PERSON', 'ORGANIZATION'] as const).map((kind) => ({ value: kind, label: t(`kind_${kind}`) }))}
              onChange={(kind) => change(i, { kind: kind as PartyKind, number: '', partyId: undefined })}
            />
            <TextField
              id={id('number')}
              label={p.kind === 'PERSON' ? t('nationalId') : t('organizationNumber')}
              hint={kept ? t('keptHint') : p.kind === 'PERSON' ? t('nationalIdHint') : undefined}
              error={errorFor(shown, id('number'))}
              value={p.number}
              onInput={(e) => change(i, { number: e.currentTarget.value, partyId: undefined })}
              inputMode={p.kind === 'PERSON' ? 'numeric' : undefined}
              autoComplete="off"
              spellcheck={false}
              ltr
              className="input--20ch"
            />
            <TextField
              id={id('nameAr')}
              label={t('nameAr')}
              hint={t('nameHint')}
              error={errorFor(shown, id('nameAr'))}
              value={p.nameAr}
              lang="ar"
              dir="rtl"
              onInput={(e) => change(i, { nameAr: e.currentTarget.value })}
            />
            <TextField
              id={id('nameEn')}
              label={t('nameEn')}
              error={errorFor(shown, id('nameEn'))}
              value={p.nameEn}
              lang="en"
              dir="ltr"
              onInput={(e) => change(i, { nameEn: e.currentTarget.value })}
            />
            {(side === 'claimants' || parties.length > 1) && (
              <button type="button" className="button button--secondary" onClick={() => remove(i)}>
                {t('remove')}
                <span className="visually-hidden"> {who(i)}</span>
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" id={`${side}-add`} className="button button--secondary" onClick={add}>
        {side === 'claimants' ? t('addClaimant') : t('addDefendant')}
      </button>
    </StepPage>
  );
}

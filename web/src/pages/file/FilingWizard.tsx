/**
 * The filing wizard (docs/portal.md, "Filing a claim"): one question or one short group per page,
 * with a back link and the step it is; the draft saved as the person types; what the API refused
 * when the filing was saved shown on the page that fixes it; and for a returned filing, the
 * clerk's reason on the pages of the parts they named, which the wizard walks through in turn.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Link, useLocation, useSearchParams } from 'wouter-preact';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import type { FilingField } from '../../gql/graphql';
import { common } from '../../i18n/common';
import { useT } from '../../i18n/i18n';
import type { FormError } from '../../lib/errors';
import { type Draft, type DraftName, type Me, type UpdateDraft, useDraft } from './draft';
import { fileMessages } from './messages';
import { FIELD_AT, namedOn, namedSteps, STEPS, type StepId } from './steps';
import { AttachmentsStep } from './steps/AttachmentsStep';
import { CategoryStep } from './steps/CategoryStep';
import { CheckStep } from './steps/CheckStep';
import { ClaimsStep } from './steps/ClaimsStep';
import { CourtStep } from './steps/CourtStep';
import { FactsStep } from './steps/FactsStep';
import { PartiesStep } from './steps/PartiesStep';

export interface StepProps {
  draft: Draft;
  update: UpdateDraft;
  me: Me;
  /** What the API refused on this page when the filing was saved. */
  apiErrors: FormError[];
  /** The clerk's note about the parts of this page they named, for a returned filing. */
  notice: ComponentChildren;
  /** On to the next page: this page's answers are complete. */
  done: () => void;
}

/** The problems the API found, by the page that fixes them; those of no page stay on the check page. */
export type Refusals = Partial<Record<StepId, FormError[]>>;

interface Props {
  name: DraftName;
  /** The wizard's address: /file, or /cases/:id/correct. */
  base: string;
  step: StepId;
  me: Me;
  initial: () => Draft;
}

export function FilingWizard({ name, base, step, me, initial }: Props) {
  const t = useT(fileMessages);
  const tc = useT(common);
  const [draft, update] = useDraft(me.id, name, initial);
  const [refusals, setRefusals] = useState<Refusals>({});
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const fromCheck = params.get('from') === 'check';
  const index = STEPS.indexOf(step);
  const named = draft.returned?.fields ?? [];
  const at = (s: StepId) => `${base}/${s}`;

  useEffect(() => window.scrollTo(0, 0), [step]);

  const next = (): StepId => {
    if (fromCheck) return 'check';
    if (draft.returned) return namedSteps(named).find((s) => STEPS.indexOf(s) > index) ?? 'check';
    return STEPS[index + 1];
  };
  const done = () => {
    setRefusals((r) => ({ ...r, [step]: undefined }));
    navigate(at(next()));
  };
  const refused = (found: Refusals) => {
    setRefusals(found);
    const first = STEPS.find((s) => s !== 'check' && found[s]?.length);
    if (first) navigate(at(first));
  };
  const back = fromCheck ? at('check') : index === 0 ? base : at(STEPS[index - 1]);

  const props: StepProps = {
    draft,
    update,
    me,
    apiErrors: refusals[step] ?? [],
    notice: draft.returned && (step === 'check' || namedOn(step, named).length > 0) && (
      <ReturnedNotice reason={draft.returned.reason} fields={step === 'check' ? named : namedOn(step, named)} base={base} here={step} />
    ),
    done,
  };
  return (
    <>
      <Link href={back} className="back-link">
        {tc('back')}
      </Link>
      <p className="step-caption">{t('stepOf', { n: index + 1, total: STEPS.length })}</p>
      {step === 'check' ? (
        <CheckStep key={step} {...props} name={name} base={base} refused={refused} />
      ) : (
        <StepBody key={step} step={step} {...props} />
      )}
    </>
  );
}

function StepBody({ step, ...props }: StepProps & { step: Exclude<StepId, 'check'> }) {
  switch (step) {
    case 'category':
      return <CategoryStep {...props} />;
    case 'court':
      return <CourtStep {...props} />;
    case 'claimants':
      return <PartiesStep side="claimants" {...props} />;
    case 'defendants':
      return <PartiesStep side="defendants" {...props} />;
    case 'claims':
      return <ClaimsStep {...props} />;
    case 'facts':
      return <FactsStep {...props} />;
    case 'attachments':
      return <AttachmentsStep {...props} />;
  }
}

/** What the clerk said, and the parts they named, each a link to the control that changes it. */
function ReturnedNotice({ reason, fields, base, here }: { reason: string; fields: FilingField[]; base: string; here: StepId }) {
  const t = useT(fileMessages);
  return (
    <div className="notice notice--returned" role="region" aria-labelledby="returned-title">
      <h2 id="returned-title" className="heading-s">
        {t('returnedTitle')}
      </h2>
      <p>{t('returnedReason', { reason })}</p>
      {fields.length > 0 && (
        <>
          <p>{t('returnedFields')}</p>
          <ul>
            {fields.map((f) => {
              const { step, control } = FIELD_AT[f];
              return (
                <li key={f}>
                  {step === here ? (
                    <a href={`#${control}`}>{t(`field_${f}`)}</a>
                  ) : (
                    <Link href={`${base}/${step}?from=check`}>{t(`field_${f}`)}</Link>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}

/** A page of the wizard: its title, the error summary, and its form with the button that goes on. */
export function StepPage({
  title,
  errors,
  notice,
  onContinue,
  children,
}: {
  title: string;
  errors: FormError[];
  notice: ComponentChildren;
  onContinue: () => void;
  children: ComponentChildren;
}) {
  const tc = useT(common);
  return (
    <Page title={title} hasErrors={errors.length > 0}>
      {notice}
      <ErrorSummary errors={errors} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onContinue();
        }}
      >
        {children}
        <button type="submit" className="button">
          {tc('continue')}
        </button>
      </form>
    </Page>
  );
}

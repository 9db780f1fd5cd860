/** Which kind of claim: it decides the court that hears it and its fee. */
import { useState } from 'preact/hooks';
import { errorFor } from '../../../components/Field';
import { Radios } from '../../../components/Radios';
import type { LawsuitCategory } from '../../../gql/graphql';
import { useT } from '../../../i18n/i18n';
import type { FormError } from '../../../lib/errors';
import { type StepProps, StepPage } from '../FilingWizard';
import { fileMessages } from '../messages';

/** What a person may file; criminal cases are the prosecution's. */
const CATEGORIES = ['CIVIL', 'COMMERCIAL', 'LABOR', 'PERSONAL_STATUS'] as const satisfies readonly LawsuitCategory[];

export function CategoryStep({ draft, update, apiErrors, notice, done }: StepProps) {
  const t = useT(fileMessages);
  const [errors, setErrors] = useState<FormError[]>([]);
  const shown = errors.length ? errors : apiErrors;
  const next = () => (draft.category ? done() : setErrors([{ target: 'category', message: t('categoryMissing') }]));
  return (
    <StepPage title={t('categoryTitle')} errors={shown} notice={notice} onContinue={next}>
      <Radios
        id="category"
        legend={t('categoryTitle')}
        legendHidden
        hint={t('categoryHint')}
        error={errorFor(shown, 'category')}
        value={draft.category}
        options={CATEGORIES.map((c) => ({ value: c, label: t(`category_${c}`), hint: t(`category_${c}_hint`) }))}
        onChange={(value) => update({ category: value as LawsuitCategory })}
      />
    </StepPage>
  );
}

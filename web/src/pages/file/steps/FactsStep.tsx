/** The claim's title and its facts. */
import { useState } from 'preact/hooks';
import { errorFor, TextField } from '../../../components/Field';
import { TextArea } from '../../../components/TextArea';
import { useT } from '../../../i18n/i18n';
import type { FormError } from '../../../lib/errors';
import { type StepProps, StepPage } from '../FilingWizard';
import { fileMessages } from '../messages';

export function FactsStep({ draft, update, apiErrors, notice, done }: StepProps) {
  const t = useT(fileMessages);
  const [errors, setErrors] = useState<FormError[]>([]);
  const shown = errors.length ? errors : apiErrors;
  const next = () => {
    const missing: FormError[] = [];
    if (!draft.subject.trim()) missing.push({ target: 'subject', message: t('subjectMissing') });
    if (!draft.facts.trim()) missing.push({ target: 'facts', message: t('factsMissing') });
    return missing.length ? setErrors(missing) : done();
  };
  return (
    <StepPage title={t('factsTitle')} errors={shown} notice={notice} onContinue={next}>
      <TextField
        id="subject"
        label={t('subject')}
        hint={t('subjectHint')}
        error={errorFor(shown, 'subject')}
        value={draft.subject}
        maxLength={300}
        onInput={(e) => update({ subject: e.currentTarget.value })}
      />
      <TextArea
        id="facts"
        label={t('facts')}
        hint={t('factsHint')}
        error={errorFor(shown, 'facts')}
        value={draft.facts}
        rows={10}
        maxLength={20000}
        onInput={(e) => update({ facts: e.currentTarget.value })}
      />
    </StepPage>
  );
}

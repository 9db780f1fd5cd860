/** Where the claim is heard: the competent court of a city, found by the API, or a court chosen. */
import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { errorFor } from '../../../components/Field';
import { Loading } from '../../../components/Page';
import { Radios } from '../../../components/Radios';
import { Select } from '../../../components/Select';
import { graphql } from '../../../gql';
import { useLang, useT } from '../../../i18n/i18n';
import type { FormError } from '../../../lib/errors';
import { type StepProps, StepPage } from '../FilingWizard';
import { fileMessages } from '../messages';

const COURTS = graphql(`
  query FilingCourts {
    courts {
      id
      city
      nameAr
      nameEn
    }
  }
`);

export function CourtStep({ draft, update, apiErrors, notice, done }: StepProps) {
  const t = useT(fileMessages);
  const lang = useLang();
  const [{ data }] = useQuery({ query: COURTS });
  const [errors, setErrors] = useState<FormError[]>([]);
  const shown = errors.length ? errors : apiErrors;
  const courts = data?.courts ?? [];
  const cities = [...new Set(courts.map((c) => c.city))].sort((a, b) => a.localeCompare(b));
  const next = () => {
    if (!draft.routing) return setErrors([{ target: 'routing', message: t('routingMissing') }]);
    if (draft.routing === 'city' && !draft.city) return setErrors([{ target: 'city', message: t('cityMissing') }]);
    if (draft.routing === 'court' && !draft.courtId) return setErrors([{ target: 'courtId', message: t('courtMissing') }]);
    done();
  };
  if (!data) return <Loading />;
  return (
    <StepPage title={t('courtTitle')} errors={shown} notice={notice} onContinue={next}>
      <Radios
        id="routing"
        legend={t('courtTitle')}
        legendHidden
        error={errorFor(shown, 'routing')}
        value={draft.routing}
        onChange={(value) => update({ routing: value as 'city' | 'court' })}
        options={[
          {
            value: 'city',
            label: t('routingCity'),
            hint: t('routingCityHint'),
            reveals: (
              <Select
                id="city"
                label={t('city')}
                placeholder={t('choose')}
                error={errorFor(shown, 'city')}
                value={draft.city}
                options={cities.map((city) => ({ value: city, label: city }))}
                onChange={(city) => update({ city })}
              />
            ),
          },
          {
            value: 'court',
            label: t('routingCourt'),
            reveals: (
              <Select
                id="courtId"
                label={t('court')}
                placeholder={t('choose')}
                error={errorFor(shown, 'courtId')}
                value={draft.courtId}
                groups={cities.map((city) => ({
                  label: city,
                  options: courts.filter((c) => c.city === city).map((c) => ({ value: c.id, label: lang === 'ar' ? c.nameAr : c.nameEn })),
                }))}
                onChange={(courtId) => update({ courtId })}
              />
            ),
          },
        ]}
      />
    </StepPage>
  );
}

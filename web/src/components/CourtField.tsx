/** The courts (public), and a select of them by code, named in the reader's language. */
import { useQuery } from '@urql/preact';
import { graphql } from '../gql';
import type { PublicCourtsQuery } from '../gql/graphql';
import { useLang } from '../i18n/i18n';
import { SelectField } from './SelectField';

const COURTS = graphql(`
  query PublicCourts {
    courts {
      id
      code
      nameAr
      nameEn
    }
  }
`);

export type PublicCourt = PublicCourtsQuery['courts'][number];

export function useCourts(): { courts: PublicCourt[]; fetching: boolean } {
  const [{ data, fetching }] = useQuery({ query: COURTS });
  return { courts: data?.courts ?? [], fetching };
}

export function CourtField({
  id,
  label,
  placeholder,
  error,
  courts,
  value,
  onChange,
}: {
  id: string;
  label: string;
  placeholder: string;
  error?: string;
  courts: PublicCourt[];
  value: string;
  onChange: (code: string) => void;
}) {
  const lang = useLang();
  // By name in the reader's language; the code, as case numbers carry it, after the name.
  const choices = courts
    .map((c) => ({ value: c.code, label: `${lang === 'ar' ? c.nameAr : c.nameEn} (${c.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  return (
    <SelectField
      id={id}
      label={label}
      placeholder={placeholder}
      error={error}
      choices={choices}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/**
 * The filing wizard's pages in order, and where each thing the API or a clerk names is answered:
 * a part of the filing a clerk returned it for (FilingField), or a field of a refused input
 * (`input.defendants.0.nationalId`), as the page and the id of the control that fixes it.
 */
import type { FilingField } from '../../gql/graphql';

export const STEPS = ['category', 'court', 'claimants', 'defendants', 'claims', 'facts', 'attachments', 'check'] as const;
export type StepId = (typeof STEPS)[number];

export const isStep = (value: string | undefined): value is StepId => !!value && (STEPS as readonly string[]).includes(value);

/** The page and control of each part a clerk may name. */
export const FIELD_AT: Record<FilingField, { step: StepId; control: string }> = {
  CATEGORY: { step: 'category', control: 'category' },
  COURT: { step: 'court', control: 'routing' },
  CLAIMANTS: { step: 'claimants', control: 'claimants-add' },
  DEFENDANTS: { step: 'defendants', control: 'defendant-0-number' },
  CLAIMS: { step: 'claims', control: 'claim-0-description' },
  SUBJECT: { step: 'facts', control: 'subject' },
  FACTS: { step: 'facts', control: 'facts' },
  ATTACHMENTS: { step: 'attachments', control: 'files' },
};

/** The parts a clerk named that a page answers. */
export const namedOn = (step: StepId, fields: readonly FilingField[] = []): FilingField[] =>
  fields.filter((f) => FIELD_AT[f].step === step);

/** The pages of the parts a clerk named, in the wizard's order. */
export const namedSteps = (fields: readonly FilingField[]): StepId[] => STEPS.filter((s) => namedOn(s, fields).length);

const PARTY_CONTROL: Record<string, string> = {
  nationalId: 'number',
  organizationNumber: 'number',
  partyId: 'number',
  kind: 'kind',
  nameAr: 'nameAr',
  nameEn: 'nameEn',
};

/**
 * Where an input field the API refused is fixed, or null (an error about the filing as a whole). The
 * person filing is the API's first claimant, so its other claimants are one place further on.
 */
export function controlOf(field: string): { step: StepId; control: string | null } | null {
  const [, name, index, sub] = /^input\.(\w+)(?:\.(\d+)(?:\.(\w+))?)?$/.exec(field) ?? [];
  const i = index === undefined ? null : Number(index);
  switch (name) {
    case 'category':
      return { step: 'category', control: 'category' };
    case 'courtId':
      return { step: 'court', control: 'courtId' };
    case 'city':
      return { step: 'court', control: 'city' };
    case 'claimants':
      return i === null || i === 0
        ? { step: 'claimants', control: null }
        : { step: 'claimants', control: `claimant-${i - 1}-${PARTY_CONTROL[sub ?? ''] ?? 'number'}` };
    case 'defendants':
      return { step: 'defendants', control: i === null ? 'defendant-0-number' : `defendant-${i}-${PARTY_CONTROL[sub ?? ''] ?? 'number'}` };
    case 'claims':
      return { step: 'claims', control: `claim-${i ?? 0}-${sub === 'amount' ? 'amount' : 'description'}` };
    case 'subject':
      return { step: 'facts', control: 'subject' };
    case 'facts':
      return { step: 'facts', control: 'facts' };
    case 'attachmentIds':
      return { step: 'attachments', control: 'files' };
    default:
      return null;
  }
}

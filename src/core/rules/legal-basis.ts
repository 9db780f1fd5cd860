/**
 * The legal basis of a rule a ministry sets: what the law provides, in Arabic and in English, and
 * the instrument (law, article, regulation) it rests on. Every rule table carries one for each of
 * its rules, and the API shows it beside the rule's values.
 */
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The law a rule follows, in Arabic and English, with the instrument and article it rests on.' })
export class LegalBasis {
  @Field({ description: 'What the law provides, in Arabic.' })
  ar!: string;

  @Field({ description: 'What the law provides, in English.' })
  en!: string;

  @Field({
    description:
      'The instrument and, where one fixes the number, its article; "as the ministry configures" where the law leaves the number to the ministry.',
  })
  reference!: string;
}

/** What a basis lacks: a text in each language (Arabic in Arabic script) and the instrument. Empty when complete. */
export function basisProblems(basis: LegalBasis): string[] {
  const problems: string[] = [];
  if (!/[\u0600-\u06FF]/.test(basis.ar)) problems.push('ar is not Arabic text');
  if (!basis.en.trim() || /[\u0600-\u06FF]/.test(basis.en)) problems.push('en is not English text');
  if (!basis.reference.trim()) problems.push('reference is empty');
  return problems;
}

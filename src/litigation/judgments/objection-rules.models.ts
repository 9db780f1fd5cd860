/**
 * The public shape of the objection rules (objection-window-rules.ts): the windows by track and
 * the reminder before a window closes. The rule table is typed by these classes, so the API
 * answers the table's own rows.
 */
import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LegalBasis } from '../../core/rules/legal-basis';
import { LawsuitCategory } from '../lawsuits/lawsuit.enums';

export enum ObjectionTrack {
  /** Every judgment not heard as urgent. */
  ORDINARY = 'ORDINARY',
  /** Judgments of categories heard as urgent matters. */
  URGENT = 'URGENT',
}
registerEnumType(ObjectionTrack, { name: 'ObjectionTrack' });

@ObjectType('ObjectionWindowRule', { description: 'How long a served party has to object to a judgment of the given categories.' })
export class ObjectionWindowRule {
  @Field(() => ObjectionTrack)
  track!: ObjectionTrack;

  @Field(() => Int, { description: 'Days from the party’s own service of the judgment.' })
  days!: number;

  @Field(() => [LawsuitCategory], { description: 'The lawsuit categories whose judgments take this window.' })
  categories!: readonly LawsuitCategory[];

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

@ObjectType('ObjectionReminderRule', { description: 'When a served party is reminded, once, that their window is closing.' })
export class ObjectionReminderRule {
  @Field(() => Int, { description: 'Days before the party’s deadline.' })
  daysBefore!: number;

  @Field(() => LegalBasis)
  basis!: LegalBasis;
}

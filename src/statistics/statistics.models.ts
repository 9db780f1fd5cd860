import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { LawsuitCategory } from '../litigation';

/**
 * The lawsuits of one court and category filed (submitted) in one Riyadh month, and where they
 * stand now. Aggregates only: no party, person or case number ever appears here.
 */
@ObjectType({ description: 'Public statistics of one court, category and month of filing (Asia/Riyadh).' })
export class CourtStatisticsRow {
  @Field(() => ID)
  courtId!: string;

  @Field({ description: 'e.g. RYD-GEN' })
  courtCode!: string;

  @Field()
  courtNameAr!: string;

  @Field()
  courtNameEn!: string;

  @Field(() => LawsuitCategory)
  category!: LawsuitCategory;

  @Field({ description: 'Month of filing (last submission), YYYY-MM in Asia/Riyadh.' })
  month!: string;

  @Field(() => Int, { description: 'Lawsuits submitted to the court (drafts never count).' })
  filed!: number;

  @Field(() => Int, { description: 'Of those, registered with a case number (whatever they became since).' })
  registered!: number;

  @Field(() => Int, {
    description:
      'Of those, disposed of: judgment issued or any later stage (objected, appeal decided, final, execution, closed), ' +
      'or withdrawn, settled, struck off or rejected, or with a decision or closing date.',
  })
  disposed!: number;

  @Field(() => Int, { description: 'Registered and not disposed of.' })
  pending!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median days from registration to judgment, over those with a judgment; null when none has one.',
  })
  medianDaysToJudgment!: number | null;

  @Field(() => Int, { description: 'Hearings of these lawsuits, in any state.' })
  hearings!: number;

  @Field(() => Int, { description: 'Of those, hearings postponed.' })
  postponedHearings!: number;

  @Field(() => Float, { nullable: true, description: 'postponedHearings / hearings, 0 to 1; null when there were no hearings.' })
  postponedHearingShare!: number | null;
}

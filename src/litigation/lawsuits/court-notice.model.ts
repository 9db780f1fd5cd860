import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { said } from '../../core/validation/constraint-messages';
import { LITIGATION } from '../litigation-messages';

@InputType({ description: 'A notice from the court to the parties of a registered case, in Arabic and English.' })
export class SendCourtNoticeInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field(() => [ID], { nullable: true, description: 'The parties to notify (and their representatives); every party when omitted.' })
  @IsOptional()
  @ArrayNotEmpty(said(LITIGATION.partyIdsNotEmpty()))
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  partyIds?: string[];

  @Field()
  @IsString()
  @Length(3, 200)
  titleAr!: string;

  @Field()
  @IsString()
  @Length(3, 200)
  titleEn!: string;

  @Field()
  @IsString()
  @Length(3, 4000)
  bodyAr!: string;

  @Field()
  @IsString()
  @Length(3, 4000)
  bodyEn!: string;
}

@ObjectType({ description: 'Who a notice from the court reached.' })
export class CourtNoticeReceipt {
  @Field(() => ID)
  lawsuitId!: string;

  @Field(() => ID, { description: 'Names the notice in its recipients’ data and in the audit trail.' })
  noticeId!: string;

  @Field(() => Int, { description: 'Notices written: one per person (party or representative).' })
  recipients!: number;

  @Field(() => [ID], { description: 'Parties notified, themselves or through their representative.' })
  partyIds!: string[];

  @Field(() => [ID], { description: 'Parties no notice can reach on the platform (an organization without a representative).' })
  unreachablePartyIds!: string[];
}

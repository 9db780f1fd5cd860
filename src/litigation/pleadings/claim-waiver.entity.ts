import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';
import { WaiverState } from './pleading.enums';

@ObjectType({ description: "The claimant's waiver of the claim (ترك الدعوى): once per lawsuit." })
@Entity('claim_waivers')
export class ClaimWaiver extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  lawsuitId!: string;

  @Field(() => ID)
  @Column('uuid')
  partyId!: string;

  @Column('uuid')
  requestedBy!: string;

  @Field(() => WaiverState)
  @Column({ type: 'text' })
  state!: WaiverState;

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The power of attorney an agent relied on, when an agent acted.' })
  @Column('uuid', { nullable: true })
  powerOfAttorneyId!: string | null;
}

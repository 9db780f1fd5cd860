import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';

@ObjectType({ description: 'Whether a party attended a hearing, and when they registered for a remote one.' })
@Entity('hearing_attendance')
export class HearingAttendance extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  hearingId!: string;

  @Field(() => ID)
  @Column('uuid')
  partyId!: string;

  @Field(() => Boolean, { nullable: true, description: 'As recorded in the minutes.' })
  @Column({ type: 'boolean', nullable: true })
  present!: boolean | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  registeredAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The power of attorney an agent relied on, when an agent registered for the party.' })
  @Column('uuid', { nullable: true })
  powerOfAttorneyId!: string | null;
}

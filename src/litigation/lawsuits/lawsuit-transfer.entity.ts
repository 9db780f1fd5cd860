import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';

@ObjectType({ description: 'A transfer of a case to another court or circuit, with the number it had before.' })
@Entity('lawsuit_transfers')
export class LawsuitTransfer extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  lawsuitId!: string;

  @Field(() => ID)
  @Column('uuid')
  fromCourtId!: string;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  fromCircuitId!: string | null;

  @Field(() => ID)
  @Column('uuid')
  toCourtId!: string;

  @Field(() => ID)
  @Column('uuid')
  toCircuitId!: string;

  @Field({ description: 'The case number before the transfer (kept: documents issued under it still verify).' })
  @Column()
  previousCaseNumber!: string;

  @Field({ description: 'The case number after it: a new one when the court changed.' })
  @Column()
  caseNumber!: string;

  @Field()
  @Column()
  reason!: string;

  @Column('uuid')
  transferredBy!: string;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  transferredAt!: Date;
}

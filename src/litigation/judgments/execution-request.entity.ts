import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';

@ObjectType({ description: 'A request to execute a final judgment, by the party it favours.' })
@Entity('execution_requests')
export class ExecutionRequest extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  lawsuitId!: string;

  @Field(() => ID)
  @Column('uuid')
  judgmentId!: string;

  @Field(() => ID)
  @Column('uuid')
  partyId!: string;

  @Column('uuid')
  requestedBy!: string;

  @Field(() => ID, { nullable: true, description: 'The power of attorney an agent relied on, when an agent acted.' })
  @Column('uuid', { nullable: true })
  powerOfAttorneyId!: string | null;
}

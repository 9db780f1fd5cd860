import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';
import { MemoKind } from './pleading.enums';

@ObjectType({ description: 'A statement of defence or a memo filed by a party.' })
@Entity('memos')
export class Memo extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  lawsuitId!: string;

  @Field(() => ID)
  @Column('uuid')
  partyId!: string;

  @Field(() => MemoKind)
  @Column({ type: 'text' })
  kind!: MemoKind;

  @Field()
  @Column()
  body!: string;

  @Column('uuid')
  submittedBy!: string;

  @Field(() => ID, { nullable: true, description: 'The power of attorney an agent relied on, when an agent acted.' })
  @Column('uuid', { nullable: true })
  powerOfAttorneyId!: string | null;
}

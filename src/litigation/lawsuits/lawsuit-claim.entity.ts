import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';
import { moneyTransformer } from '../../core/database/money';

@ObjectType({ description: 'A claim (طلب) of the lawsuit, with an optional amount in SAR.' })
@Entity('lawsuit_claims')
export class LawsuitClaim extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  lawsuitId!: string;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  position!: number;

  @Field()
  @Column()
  description!: string;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: moneyTransformer })
  amount!: number | null;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../core/database/base.entity';

@ObjectType({ description: 'A holiday: closed days of one court, or of every court when courtId is null.' })
@Entity('court_holidays')
export class Holiday extends BaseEntity {
  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  courtId!: string | null;

  @Field({ description: 'First closed day (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  startsOn!: string;

  @Field({ description: 'Last closed day (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  endsOn!: string;

  @Field()
  @Column()
  nameAr!: string;

  @Field()
  @Column()
  nameEn!: string;
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import { BaseEntity } from '../core/database/base.entity';
import { Specialization } from './organization.enums';
import type { Court } from './court.entity';

@ObjectType({ description: 'A circuit (دائرة) of a court: a bench of one or more judges.' })
@Entity('circuits')
export class Circuit extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  courtId!: string;

  @ManyToOne('Court', 'circuits')
  @JoinColumn({ name: 'court_id' })
  court?: Court;

  @Field()
  @Column()
  code!: string;

  @Field()
  @Column()
  nameAr!: string;

  @Field()
  @Column()
  nameEn!: string;

  @Field(() => Specialization)
  @Column({ type: 'text' })
  specialization!: Specialization;

  @Field()
  @Column()
  active!: boolean;

  @Field(() => Int)
  @VersionColumn()
  version!: number;
}

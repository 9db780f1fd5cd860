import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, OneToMany, VersionColumn } from 'typeorm';
import { BaseEntity } from '../core/database/base.entity';
import { CourtType } from './organization.enums';
import type { Circuit } from './circuit.entity';

@ObjectType({ description: 'A court (محكمة) with its circuits and working calendar.' })
@Entity('courts')
export class Court extends BaseEntity {
  @Field({ description: 'Short code used in case numbers, e.g. RYD-GEN.' })
  @Column()
  code!: string;

  @Field()
  @Column()
  nameAr!: string;

  @Field()
  @Column()
  nameEn!: string;

  @Field(() => CourtType)
  @Column({ type: 'text' })
  type!: CourtType;

  @Field()
  @Column()
  city!: string;

  @Field()
  @Column({ name: 'time_zone' })
  timeZone!: string;

  @Field(() => [Int], { description: 'Working days, 0 = Sunday … 6 = Saturday.' })
  @Column({ type: 'smallint', array: true })
  workDays!: number[];

  @Field({ description: 'Start of the working day, HH:MM local time.' })
  @Column({ type: 'time' })
  workStart!: string;

  @Field({ description: 'End of the working day, HH:MM local time.' })
  @Column({ type: 'time' })
  workEnd!: string;

  @Field(() => Int)
  @VersionColumn()
  version!: number;

  @OneToMany('Circuit', 'court')
  circuits?: Circuit[];
}

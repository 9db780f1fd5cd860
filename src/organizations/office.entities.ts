import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { BaseEntity } from '../core/database/base.entity';

@ObjectType({ isAbstract: true })
abstract class Office extends BaseEntity {
  @Field()
  @Column()
  code!: string;

  @Field()
  @Column()
  nameAr!: string;

  @Field()
  @Column()
  nameEn!: string;

  @Field()
  @Column()
  city!: string;

  @Field(() => Int)
  @VersionColumn()
  version!: number;
}

@ObjectType({ description: 'A prosecution office (النيابة العامة).' })
@Entity('prosecution_offices')
export class ProsecutionOffice extends Office {}

@ObjectType({ description: 'A notary office (كتابة العدل).' })
@Entity('notary_offices')
export class NotaryOffice extends Office {}

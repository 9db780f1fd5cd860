import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PowerCode, PowerDomain } from './powers';

@ObjectType({ description: 'A power of the catalogue (بند), in one version of its wording.' })
@Entity('power_catalogue')
export class PowerCatalogueEntry {
  @Field(() => Int)
  @PrimaryColumn('int')
  version!: number;

  @Field(() => PowerCode)
  @PrimaryColumn({ type: 'text' })
  code!: PowerCode;

  @Field(() => PowerDomain)
  @Column({ type: 'text' })
  domain!: PowerDomain;

  @Field()
  @Column()
  nameAr!: string;

  @Field()
  @Column()
  nameEn!: string;

  @Column('int')
  position!: number;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';
import { PartyKind, PartySide } from './lawsuit.enums';
import type { Lawsuit } from './lawsuit.entity';

@ObjectType({ description: 'A claimant or defendant: a person (by national ID) or an organization.' })
@Entity('lawsuit_parties')
export class LawsuitParty extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  lawsuitId!: string;

  @ManyToOne('Lawsuit', 'parties', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lawsuit_id' })
  lawsuit?: Lawsuit;

  @Field(() => PartySide)
  @Column({ type: 'text' })
  side!: PartySide;

  @Field(() => PartyKind)
  @Column({ type: 'text' })
  kind!: PartyKind;

  /** The party's account, when the national ID belongs to a registered user. */
  @Column('uuid', { nullable: true })
  userId!: string | null;

  /** Shown through a rule (masked for most viewers); see lawsuits.resolver.ts. */
  @Column({ type: 'char', length: 10, nullable: true })
  nationalId!: string | null;

  @Field(() => String, { nullable: true, description: 'Commercial registration or other number of an organization.' })
  @Column({ type: 'text', nullable: true })
  organizationNumber!: string | null;

  @Field()
  @Column()
  nameAr!: string;

  @Field()
  @Column()
  nameEn!: string;

  @Field(() => ID, { nullable: true, description: 'The lawyer or agent representing the party.' })
  @Column('uuid', { nullable: true })
  representativeId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The power of attorney the representation relies on.' })
  @Column('uuid', { nullable: true })
  powerOfAttorneyId!: string | null;
}

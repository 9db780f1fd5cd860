import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../core/database/base.entity';
import { Role } from '../access/role.enum';
import type { User } from './user.entity';

/**
 * A role held in an organization: a judge in a circuit, a clerk or court admin of a court, a
 * prosecutor of an office, a notary of a notary office. The database checks the combination.
 */
@ObjectType()
@Entity('memberships')
export class Membership extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  userId!: string;

  @ManyToOne('User', 'memberships', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Field(() => Role)
  @Column({ type: 'text' })
  role!: Role;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  courtId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  circuitId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  prosecutionOfficeId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  notaryOfficeId!: string | null;
}

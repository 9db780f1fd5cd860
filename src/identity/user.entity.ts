import { Column, Entity, OneToMany, VersionColumn } from 'typeorm';
import { BaseEntity } from '../core/database/base.entity';
import { bigintTransformer } from '../core/database/money';
import { Role, UserStatus } from '../access/role.enum';
import type { Membership } from './membership.entity';

/**
 * A person known to the platform. Not a GraphQL type itself: UserView (user.model.ts) exposes
 * what may be shown, with the national ID masked by rule.
 */
@Entity('users')
export class User extends BaseEntity {
  @Column({ type: 'char', length: 10 })
  nationalId!: string;

  @Column()
  nameAr!: string;

  @Column()
  nameEn!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column()
  passwordHash!: string;

  @Column({ type: 'text' })
  status!: UserStatus;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ type: 'text', nullable: true })
  lawyerLicense!: string | null;

  /** Encrypted (AES-256-GCM) base32 TOTP secret, once confirmed. */
  @Column({ type: 'text', nullable: true })
  totpSecret!: string | null;

  /** Encrypted secret offered by enrollTwoFactor, awaiting confirmTwoFactor. */
  @Column({ type: 'text', nullable: true })
  totpPendingSecret!: string | null;

  @Column()
  totpEnabled!: boolean;

  /** Last accepted TOTP time step: a code is never accepted twice. */
  @Column({
    type: 'bigint',
    nullable: true,
    transformer: bigintTransformer,
  })
  totpLastStep!: number | null;

  @Column()
  failedLoginCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  /** Bumped to invalidate every token issued before. */
  @Column()
  tokenVersion!: number;

  @VersionColumn()
  version!: number;

  @OneToMany('Membership', 'user')
  memberships?: Membership[];
}

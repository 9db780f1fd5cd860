import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../core/database/base.entity';

/** A user's subject at an external identity provider (a national SSO over OpenID Connect). */
@Entity('external_identities')
export class ExternalIdentity extends BaseEntity {
  @Column('uuid')
  userId!: string;

  @Column()
  provider!: string;

  @Column()
  subject!: string;
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/database/base.entity';

@ObjectType({ description: 'A document attached to a filing: an uploaded file, or one only described.' })
@Entity('lawsuit_attachments')
export class LawsuitAttachment extends BaseEntity {
  @Field(() => ID)
  @Column('uuid')
  lawsuitId!: string;

  @Field()
  @Column()
  fileName!: string;

  @Field()
  @Column()
  contentType!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  sizeBytes!: number;

  @Field()
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The uploaded file (GET /attachments/:id); null for an attachment only described at filing.',
  })
  @Column('uuid', { nullable: true })
  attachmentId!: string | null;
}

import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { BaseEntity } from '../core/database/base.entity';
import { DocumentKind, DocumentLanguage, DocumentState } from './document.enums';

/**
 * A PDF produced from a template for one version of one subject (a lawsuit, hearing, judgment,
 * execution request, power of attorney or contract). The template data is captured when the
 * document is requested, so the PDF shows the subject as it was at that version however late the
 * worker renders it.
 */
@ObjectType({ description: 'A generated PDF document (وثيقة), signed and verifiable by its number and code.' })
@Entity('documents')
export class Document extends BaseEntity {
  @Field({ description: 'Public number printed on the document, e.g. D-2026-0000123.' })
  @Column()
  number!: string;

  @Field(() => DocumentKind)
  @Column({ type: 'text' })
  kind!: DocumentKind;

  @Field(() => DocumentLanguage)
  @Column({ type: 'text' })
  language!: DocumentLanguage;

  @Field(() => ID, { description: 'The subject the document is about (lawsuit, hearing, judgment, …).' })
  @Column('uuid')
  subjectId!: string;

  @Field(() => Int, { description: 'Version of the subject it shows.' })
  @Column('int')
  subjectVersion!: number;

  /** The instrument whose read rules decide who sees the document (e.g. the lawsuit of a summons). */
  @Column({ type: 'text' })
  instrumentType!: string;

  @Field(() => ID)
  @Column('uuid')
  instrumentId!: string;

  /** subject, kind, language and subject version: one document per key. */
  @Column()
  idempotencyKey!: string;

  @Field(() => DocumentState)
  @Column({ type: 'text' })
  state!: DocumentState;

  @Field(() => String, { nullable: true, description: 'Why rendering failed (FAILED only).' })
  @Column({ type: 'text', nullable: true })
  failureReason!: string | null;

  /** Printed with the QR code; with the number, what verification asks for. */
  @Column()
  verificationCode!: string;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the PDF bytes, hex (READY only).' })
  @Column({ type: 'text', nullable: true })
  sha256!: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  sizeBytes!: number | null;

  @Column({ type: 'text', nullable: true })
  storageKey!: string | null;

  /** Template data captured at request time (the subject at subjectVersion). */
  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column('uuid', { nullable: true })
  requestedBy!: string | null;

  @Field(() => Int, { description: 'Render attempts so far.' })
  @Column('int')
  attempts!: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  readyAt!: Date | null;

  @Field(() => Int)
  @VersionColumn()
  version!: number;
}

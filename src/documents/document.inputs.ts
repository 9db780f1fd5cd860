import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { Document } from './document.entity';
import { DocumentKind, DocumentLanguage } from './document.enums';

@InputType()
export class RequestDocumentInput {
  @Field(() => DocumentKind)
  @IsEnum(DocumentKind)
  kind!: DocumentKind;

  @Field(() => ID, { description: 'The lawsuit (receipt), hearing (summons, minutes), judgment, or execution request (execution order).' })
  @IsUUID()
  subjectId!: string;

  @Field(() => DocumentLanguage, { defaultValue: DocumentLanguage.AR })
  @IsEnum(DocumentLanguage)
  language!: DocumentLanguage;
}

@ObjectType({ description: 'The instrument a verified document belongs to, as it stands now.' })
export class InstrumentStatusModel {
  @Field({ description: 'False when it no longer stands (revoked, overturned, hearing moved…).' })
  active!: boolean;
  @Field()
  stateAr!: string;
  @Field()
  stateEn!: string;
  @Field()
  reference!: string;
}

@ObjectType({ description: 'The answer of verifyDocument: public, no personal data.' })
export class DocumentVerification {
  @Field()
  genuine!: boolean;
  @Field(() => String, { nullable: true })
  number!: string | null;
  @Field(() => DocumentKind, { nullable: true })
  kind!: DocumentKind | null;
  @Field(() => String, { nullable: true })
  kindAr!: string | null;
  @Field(() => String, { nullable: true })
  kindEn!: string | null;
  @Field(() => Date, { nullable: true })
  issuedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the genuine PDF: compare with the file at hand.' })
  sha256!: string | null;
  @Field(() => InstrumentStatusModel, { nullable: true })
  instrument!: InstrumentStatusModel | null;
}

export type { Document };

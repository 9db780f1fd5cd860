import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

/** A name in Arabic and in English, as every person, party and organization carries. */
@InputType({ isAbstract: true })
export abstract class NamedInput {
  @Field()
  @IsString()
  @Length(2, 200)
  nameAr!: string;

  @Field()
  @IsString()
  @Length(2, 200)
  nameEn!: string;
}

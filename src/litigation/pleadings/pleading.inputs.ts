import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsString, IsUUID, Length } from 'class-validator';

@InputType()
export class SubmitMemoInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field()
  @IsString()
  @Length(10, 100000)
  body!: string;
}

@InputType()
export class RespondToWaiverInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field({ description: 'The defendant accepts (the claim ends) or refuses the waiver.' })
  @IsBoolean()
  accept!: boolean;
}

import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsString, IsUUID, Length } from 'class-validator';
import { AttachmentIds } from '../../evidence';

@InputType()
export class SubmitMemoInput {
  @Field(() => ID)
  @IsUUID()
  lawsuitId!: string;

  @Field()
  @IsString()
  @Length(10, 100000)
  body!: string;

  @AttachmentIds('Files the memo attaches')
  attachmentIds?: string[];
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

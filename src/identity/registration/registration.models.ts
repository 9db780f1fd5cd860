import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A registration waiting for the code sent to the phone the civil registry holds.' })
export class RegistrationChallenge {
  @Field(() => ID)
  registrationId!: string;

  @Field({ description: 'Where the code went, masked: +9665*****678.' })
  phone!: string;

  @Field()
  expiresAt!: Date;
}

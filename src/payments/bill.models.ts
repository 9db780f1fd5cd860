import { ArgsType, Field, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { PageArgs } from '../core/graphql/pagination';
import { BillState } from './bill-state-machine';

@ArgsType()
export class BillsArgs extends PageArgs {
  @Field(() => [BillState], { nullable: true, description: 'Only bills in these states.' })
  @IsOptional()
  @IsEnum(BillState, { each: true })
  states?: BillState[];
}

@ObjectType({ description: "Where to send the payer's browser to pay a bill (the gateway's hosted page)." })
export class PaymentSession {
  @Field()
  billId!: string;

  @Field({ description: "The gateway's payment id; the bill is paid once the gateway confirms it (webhook or status query)." })
  paymentId!: string;

  @Field({ description: 'The hosted payment page.' })
  paymentUrl!: string;
}

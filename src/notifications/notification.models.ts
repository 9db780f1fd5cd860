import { ArgsType, Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageArgs } from '../core/graphql/pagination';
import { DeliveryState, NotificationChannel } from './notification.enums';

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Only notices not yet marked read.' })
  @IsOptional()
  @IsBoolean()
  unreadOnly: boolean = false;
}

@ObjectType('NotificationDelivery', { description: "One channel's delivery of a notice." })
export class DeliveryView {
  @Field(() => NotificationChannel)
  channel!: NotificationChannel;

  @Field(() => DeliveryState)
  state!: DeliveryState;

  @Field(() => String, { nullable: true, description: 'Masked email or phone (s*****@example.com, +9665*****678); null in-app.' })
  address!: string | null;

  @Field(() => Int)
  attemptCount!: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  sentAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  openedAt!: Date | null;

  @Field(() => Boolean, { description: "Sent because the person's other channel failed for good (docs/notifications.md, Fallback)." })
  fallback!: boolean;
}

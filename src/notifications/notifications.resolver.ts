import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../access/policy.decorator';
import type { RequestContext } from '../access/context/request-context';
import { Ctx, RequestLoaders } from '../access/context/ctx.decorator';
import { loader, Loaders } from '../core/graphql/loaders';
import { Connection, ConnectionShape } from '../core/graphql/pagination';
import { DeliveryView, NotificationsArgs } from './notification.models';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';

const NotificationConnection = Connection(Notification, 'Notification');

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @SignedIn()
  @Query(() => NotificationConnection, { name: 'notifications', description: "The signed-in person's notices, newest first." })
  listNotifications(@Ctx() ctx: RequestContext, @Args() args: NotificationsArgs): Promise<ConnectionShape<Notification>> {
    return this.service.list(ctx, args.first, args.after, args.unreadOnly);
  }

  @SignedIn()
  @Query(() => Int, { description: 'How many of the signed-in person’s notices are unread.' })
  unreadNotificationCount(@Ctx() ctx: RequestContext): Promise<number> {
    return this.service.unreadCount(ctx);
  }

  @SignedIn()
  @Mutation(() => Notification, { description: 'Marks one of the signed-in person’s notices read (again: no change).' })
  markNotificationRead(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Notification> {
    return this.service.markRead(ctx, id);
  }

  // Notices are stored with both texts, as served: what reached a person stays what it said, whatever
  // later changes to templates or names (docs/api.md, "Languages"); the request picks one to show.
  @ResolveField(() => String, { description: 'The title in the language of the request (Accept-Language; Arabic by default).' })
  title(@Ctx() ctx: RequestContext, @Parent() notification: Notification): string {
    return ctx.locale === 'en' ? notification.titleEn : notification.titleAr;
  }

  @ResolveField(() => String, { description: 'The body in the language of the request (Accept-Language; Arabic by default).' })
  body(@Ctx() ctx: RequestContext, @Parent() notification: Notification): string {
    return ctx.locale === 'en' ? notification.bodyEn : notification.bodyAr;
  }

  @ResolveField(() => [DeliveryView], { description: 'How the notice went out on each channel.' })
  deliveries(
    @Ctx() ctx: RequestContext,
    @RequestLoaders() loaders: Loaders,
    @Parent() notification: Notification,
  ): Promise<DeliveryView[]> {
    return loader(loaders, 'notificationDeliveries', (ids) => this.service.deliveriesOf(ctx, ids)).load(notification.id);
  }
}

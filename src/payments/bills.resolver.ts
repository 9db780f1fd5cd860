import { Args, ID, Mutation, Query, ResolveField, Parent, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../access/policy.decorator';
import type { RequestContext } from '../access/context/request-context';
import { Ctx } from '../access/context/ctx.decorator';
import { Connection, ConnectionShape } from '../core/graphql/pagination';
import { Bill } from './bill.entity';
import { BillsArgs, PaymentSession } from './bill.models';
import { BillsService } from './bills.service';

const BillConnection = Connection(Bill, 'Bill');

@Resolver(() => Bill)
export class BillsResolver {
  constructor(private readonly bills: BillsService) {}

  @SignedIn()
  @Query(() => BillConnection, { description: "The signed-in person's bills, newest first." })
  myBills(@Ctx() ctx: RequestContext, @Args() args: BillsArgs): Promise<ConnectionShape<Bill>> {
    return this.bills.list(ctx, { states: args.states }, args.first, args.after);
  }

  @SignedIn()
  @Query(() => Bill, { description: 'One of your bills (NOT_FOUND for any other).' })
  bill(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Bill> {
    return this.bills.get(ctx, id);
  }

  @SignedIn()
  @Mutation(() => PaymentSession, {
    description:
      "Opens a payment of an unpaid bill at the gateway: send the browser to paymentUrl. The bill is paid when the gateway confirms it, never on the browser's return.",
  })
  payBill(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('returnTo', {
      nullable: true,
      description: "A path on Adl's site where the browser goes after the gateway (by way of /payments/return, which adds `payment`).",
    })
    returnTo?: string,
  ): Promise<PaymentSession> {
    return this.bills.pay(ctx, id, returnTo);
  }

  @ResolveField(() => String, { description: 'What the bill is for, in the language of the request.' })
  description(@Ctx() ctx: RequestContext, @Parent() bill: Bill): string {
    return ctx.locale === 'en' ? bill.descriptionEn : bill.descriptionAr;
  }
}

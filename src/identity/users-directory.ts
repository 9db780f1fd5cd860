/**
 * Batched reads of users for other modules' nested fields (a circuit's judges…), shaped as
 * UserView so that the same field masking applies wherever a user appears.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../access/context/request-context';
import { UserView } from './identity.models';
import { Membership } from './membership.entity';
import { Role } from '../access/role.enum';
import { User } from './user.entity';
import { toUserView } from './users.service';

@Injectable()
export class UsersDirectory {
  /** Judges of each circuit, in the order of `circuitIds`: two queries for any number of circuits. */
  async judgesOfCircuits(ctx: RequestContext, circuitIds: readonly string[]): Promise<UserView[][]> {
    const seats = await ctx.repo(Membership).find({ where: { circuitId: In([...circuitIds]), role: Role.JUDGE } });
    const userIds = [...new Set(seats.map((s) => s.userId))];
    const [users, memberships] = userIds.length
      ? await Promise.all([
          ctx.repo(User).findBy({ id: In(userIds) }),
          ctx.repo(Membership).find({ where: { userId: In(userIds) }, order: { createdAt: 'ASC' } }),
        ])
      : [[], []];
    const views = new Map(
      users.map((u) => [
        u.id,
        toUserView(
          u,
          memberships.filter((m) => m.userId === u.id),
        ),
      ]),
    );
    return circuitIds.map((cid) =>
      seats
        .filter((s) => s.circuitId === cid)
        .map((s) => views.get(s.userId)!)
        .sort((a, b) => a.nameEn.localeCompare(b.nameEn)),
    );
  }
}

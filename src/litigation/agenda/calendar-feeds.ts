/**
 * Personal calendar feeds (docs/domain.md, "A party's agenda"): an address a calendar app
 * subscribes to without signing in — `/calendar/<token>.ics`, where the token is the feed's id
 * and an HMAC-SHA256 of it under a key derived from SECRETS_KEY. A token whose signature fails is
 * refused without a lookup; a signed one works while its feed is live: making a new feed or
 * revoking it ends the old address. The feed is read as its owner, afresh at each request.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RequestContext } from '../../access/context/request-context';
import { ADL_CONFIG, AdlConfig } from '../../core/config/config';
import { updatedRows } from '../../core/database/plain-rows';
import { Transactions } from '../../core/database/transactions';
import { UnauthenticatedError } from '../../core/errors/domain-error';
import type { WorkContext } from '../../core/context/work-context';
import { CalendarFeed } from './agenda.models';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

@Injectable()
export class CalendarFeeds {
  constructor(
    private readonly tx: Transactions,
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
  ) {}

  private sign(feedId: string): string {
    return createHmac('sha256', `adl:calendar-feed:${this.config.secretsKey}`).update(feedId).digest('base64url');
  }

  private urlOf(feedId: string): string {
    return `${this.config.publicBaseUrl}/calendar/${feedId}.${this.sign(feedId)}.ics`;
  }

  /** A new feed for the caller; their previous one, if any, stops working. */
  async create(ctx: RequestContext): Promise<CalendarFeed> {
    const actor = ctx.actor;
    if (!actor) throw new UnauthenticatedError();
    return this.tx.run(ctx, async (tx) => {
      await this.revokeLive(tx, actor.id);
      const [feed] = await tx.manager.query<{ id: string; created_at: Date }[]>(
        'INSERT INTO calendar_feeds (user_id, created_at) VALUES ($1, $2) RETURNING id, created_at',
        [actor.id, tx.now()],
      );
      tx.audit({ action: 'calendar-feed.created', subjectType: 'CalendarFeed', subjectId: feed.id, after: { userId: actor.id } });
      return { url: this.urlOf(feed.id), createdAt: feed.created_at };
    });
  }

  /** Ends the caller's feed; false when they had none. */
  async revoke(ctx: RequestContext): Promise<boolean> {
    const actor = ctx.actor;
    if (!actor) throw new UnauthenticatedError();
    return this.tx.run(ctx, (tx) => this.revokeLive(tx, actor.id));
  }

  private async revokeLive(tx: RequestContext, userId: string): Promise<boolean> {
    const revoked = await updatedRows<{ id: string }>(
      tx.manager,
      'UPDATE calendar_feeds SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id',
      [userId, tx.now()],
    );
    for (const { id } of revoked)
      tx.audit({ action: 'calendar-feed.revoked', subjectType: 'CalendarFeed', subjectId: id, after: { userId } });
    return revoked.length > 0;
  }

  /** The owner of the live feed a token names, or null (forged, altered, revoked or replaced). */
  async ownerOf(ctx: WorkContext, token: string): Promise<string | null> {
    const [feedId, signature] = token.split('.');
    if (!feedId || !signature || !UUID.test(feedId)) return null;
    const expected = Buffer.from(this.sign(feedId));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const [row] = await updatedRows<{ user_id: string }>(
      ctx.manager,
      'UPDATE calendar_feeds SET last_read_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING user_id',
      [feedId, ctx.now()],
    );
    return row?.user_id ?? null;
  }
}

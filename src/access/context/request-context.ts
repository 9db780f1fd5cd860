/**
 * The request context travels as the first argument of every service method: who acts, with
 * which CASL ability, in which locale, under which request id, and inside which transaction.
 * Data access goes through `ctx.repo()`, so that it joins the transaction when there is one.
 */
import type { EntityManager } from 'typeorm';
import { type ActingUser, type Locale, UnitOfWork, WorkContext } from '../../core/context/work-context';
import type { AppAbility } from '../ability.types';
import type { Actor } from '../actor';

export type { AuditRecord, Locale, OutboxRecord } from '../../core/context/work-context';
export { UnitOfWork } from '../../core/context/work-context';

export class RequestContext extends WorkContext {
  constructor(
    requestId: string,
    readonly actor: Actor | null,
    readonly ability: AppAbility,
    locale: Locale,
    manager: EntityManager,
    clockNow: () => Date,
    ip: string | null = null,
    unitOfWork: UnitOfWork | null = null,
  ) {
    super(requestId, locale, manager, clockNow, ip, unitOfWork);
  }

  get actingUser(): ActingUser | null {
    return this.actor;
  }

  withTransaction(manager: EntityManager, unitOfWork: UnitOfWork): this {
    return new RequestContext(this.requestId, this.actor, this.ability, this.locale, manager, this.clockNow, this.ip, unitOfWork) as this;
  }
}

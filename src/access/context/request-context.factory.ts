/**
 * Makes the RequestContext of a unit of work for a given actor (or anonymous): their CASL
 * ability, the locale, the database manager and the clock. Identity's RequestAuthenticator
 * decides who the actor of an HTTP request is and calls this; jobs, the seed and tests call it
 * directly.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../core/clock/clock';
import { AbilityFactory } from '../ability.factory';
import { Locale, RequestContext } from './request-context';

@Injectable()
export class RequestContextFactory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly abilities: AbilityFactory,
  ) {}

  /** A context for the given actor, or anonymous. */
  forActor(requestId: string, actor: RequestContext['actor'], locale: Locale = 'ar', ip: string | null = null): RequestContext {
    return new RequestContext(
      requestId,
      actor,
      this.abilities.createFor(actor),
      locale,
      this.dataSource.manager,
      () => this.clock.now(),
      ip,
    );
  }
}

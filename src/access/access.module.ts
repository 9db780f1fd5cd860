import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AbilityFactory } from './ability.factory';
import { RequestContextFactory } from './context/request-context.factory';
import { PolicyGuard } from './policy.guard';

/** Abilities (CASL) and the guard that enforces each resolver's declared policy. */
@Global()
@Module({
  providers: [AbilityFactory, RequestContextFactory, { provide: APP_GUARD, useClass: PolicyGuard }],
  exports: [AbilityFactory, RequestContextFactory],
})
export class AccessModule {}

import { Global, Module } from '@nestjs/common';
import { ActorLoader } from './actor-loader';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { RequestAuthenticator } from './request-authenticator';
import { TokenService } from './tokens';
import { UsersDirectory } from './users-directory';
import { UsersResolver } from './users.resolver';
import { CircuitJudgesResolver } from './circuit-judges.resolver';
import { UsersService } from './users.service';

/** People and how they sign in: users, memberships, passwords, TOTP, tokens. */
@Global()
@Module({
  providers: [
    TokenService,
    ActorLoader,
    RequestAuthenticator,
    AuthService,
    UsersService,
    UsersDirectory,
    AuthResolver,
    UsersResolver,
    CircuitJudgesResolver,
  ],
  exports: [TokenService, ActorLoader, RequestAuthenticator, AuthService, UsersService, UsersDirectory],
})
export class IdentityModule {}

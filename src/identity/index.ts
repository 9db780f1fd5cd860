/**
 * The identity wing's public surface: people and how they sign in. Other wings import from here
 * only; they read people through UserLookups and authenticate requests through RequestAuthenticator.
 */
export { AuthService } from './auth.service';
export { UserView } from './identity.models';
export { IdentityModule } from './identity.module';
export { hashPassword } from './passwords';
export { RequestAuthenticator } from './request-authenticator';
export type { User } from './user.entity';
export { UserLookups } from './user-lookups.service';
export { UsersDirectory } from './users-directory';
export { UsersService } from './users.service';
export { type ActorFacet, defineActorFacet } from './actor-loader';
export { AccountCodes, type AccountCodeMessage } from './recovery/account-codes';
export { SignedLinks } from './signed-links';
export { safeReturnTo, withParam } from './national-sign-in/return-to';

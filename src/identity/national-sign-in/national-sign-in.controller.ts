/**
 * The national sign-in routes (docs/api.md, docs/identity.md): plain HTTP redirects, since a
 * browser walks them. The flow's state rides in an HttpOnly, SameSite=Lax cookie scoped to these
 * routes, so a callback only completes in the browser that started it.
 */
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ADL_CONFIG, AdlConfig } from '../../core/config/config';
import { DomainError } from '../../core/errors/domain-error';
import { RequestAuthenticator } from '../request-authenticator';
import { safeReturnTo } from './return-to';
import { FLOW_TTL_SECONDS } from './sign-in-flows';
import { NationalSignInService } from './national-sign-in.service';

export const FLOW_COOKIE = 'adl_national_flow';
const COOKIE_PATH = '/auth/national';
const STATUS: Record<string, number> = { NOT_FOUND: 404, BAD_USER_INPUT: 400, RATE_LIMITED: 429, UNAUTHENTICATED: 401 };

@Controller('auth/national')
export class NationalSignInController {
  private readonly secure: boolean;

  constructor(
    private readonly signIn: NationalSignInService,
    private readonly authenticator: RequestAuthenticator,
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
  ) {
    this.secure = config.publicBaseUrl.startsWith('https:');
  }

  @Get('login')
  async login(@Query('returnTo') returnTo: string | undefined, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(req, reply, async () => {
      await this.authenticator.fromRequest(req); // counts the request against the caller's rate limit
      const { location, state } = await this.signIn.start(typeof returnTo === 'string' ? returnTo : undefined);
      if (state) {
        void reply.setCookie(FLOW_COOKIE, state, {
          httpOnly: true,
          sameSite: 'lax',
          secure: this.secure,
          path: COOKIE_PATH,
          maxAge: FLOW_TTL_SECONDS,
        });
      }
      return location;
    });
  }

  @Get('callback')
  async callback(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(req, reply, async () => {
      const ctx = await this.authenticator.fromRequest(req);
      const query = new URL(req.url, 'http://adl.invalid').searchParams;
      void reply.clearCookie(FLOW_COOKIE, { path: COOKIE_PATH });
      return this.signIn.finish(ctx, query, req.cookies[FLOW_COOKIE]);
    });
  }

  /** RP-initiated logout: ends the person's session at the provider, then comes back to `returnTo`. */
  @Get('logout')
  async logout(@Query('returnTo') returnTo: string | undefined, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(req, reply, () =>
      this.signIn.logout(typeof returnTo === 'string' ? returnTo : undefined, `${this.config.publicBaseUrl}${COOKIE_PATH}/signed-out`),
    );
  }

  /** Where the provider returns after logout; `state` carries the return path, checked again. */
  @Get('signed-out')
  async signedOut(@Query('state') state: string | undefined, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(req, reply, async () => safeReturnTo(typeof state === 'string' ? state : undefined) ?? '/');
  }

  private async answer(req: FastifyRequest, reply: FastifyReply, location: () => Promise<string>): Promise<void> {
    try {
      await reply.header('cache-control', 'no-store').redirect(await location(), 302);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      await reply
        .status(STATUS[err.code] ?? 400)
        .send({ error: { code: err.code, message: err.message, ...err.details, requestId: String(req.id) } });
    }
  }
}

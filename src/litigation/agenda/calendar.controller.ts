/**
 * GET /calendar/:token.ics — a person's calendar feed (calendar-feeds.ts): their agenda as
 * text/calendar, for a calendar app that cannot sign in. A forged, altered, revoked or replaced
 * address answers 404, the same as one that never existed.
 */
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors/domain-error';
import { requestLocale } from '../../core/i18n/locale';
import { RequestAuthenticator } from '../../identity';
import { agendaIcs } from './agenda-ics';
import { AgendaService } from './agenda.service';
import { CalendarFeeds } from './calendar-feeds';

@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly authenticator: RequestAuthenticator,
    private readonly feeds: CalendarFeeds,
    private readonly agenda: AgendaService,
  ) {}

  @Get(':file')
  async feed(@Param('file') file: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const anonymous = await this.authenticator.fromRequest(req);
      const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
      const owner = token ? await this.feeds.ownerOf(anonymous, token) : null;
      const ctx = owner ? await this.authenticator.asOwner(req, owner) : null;
      if (!ctx) {
        await reply
          .status(404)
          .header('cache-control', 'no-store')
          .send({ error: { code: 'NOT_FOUND', requestId: String(req.id) } });
        return;
      }
      const ics = agendaIcs(await this.agenda.agendaOf(ctx));
      await reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline; filename="adl-agenda.ics"')
        .send(ics);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const status = err.code === 'RATE_LIMITED' ? 429 : err.code === 'UNAUTHENTICATED' ? 401 : 400;
      await reply.status(status).send({ error: { code: err.code, message: err.messageIn(requestLocale(req)), requestId: String(req.id) } });
    }
  }
}

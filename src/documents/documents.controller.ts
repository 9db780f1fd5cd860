/**
 * The two HTTP routes outside GraphQL: the PDF itself (authorized like `document`: a Bearer token
 * or a signed link (docs/evidence.md), then the instrument's read rules) and the public verification page (server-rendered, bilingual,
 * for a phone that scanned the QR code).
 */
import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestContextFactory } from '../access/context/request-context.factory';
import { RequestAuthenticator } from '../identity';
import { DomainError, NotFoundError } from '../core/errors/domain-error';
import { requestLocale } from '../core/i18n/locale';
import { isUuid } from '../core/validation/input-rules';
import { DOCUMENT_TEMPLATES } from './document-renderer';
import { DocumentTemplates } from './document-templates';
import { DocumentsService } from './documents.service';
import { DOCUMENTS } from './documents-messages';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429, BAD_USER_INPUT: 400 };

@Controller()
export class DocumentsController {
  constructor(
    private readonly authenticator: RequestAuthenticator,
    private readonly contexts: RequestContextFactory,
    private readonly documents: DocumentsService,
    @Inject(DOCUMENT_TEMPLATES) private readonly templates: DocumentTemplates,
  ) {}

  @Get('documents/:id/pdf')
  async pdf(@Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const ctx = await this.authenticator.fromRequestOrLink(req);
      if (!isUuid(id)) throw new NotFoundError(DOCUMENTS.documentNotFound());
      const { document, stream } = await this.documents.open(ctx, id);
      await reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${document.number}.pdf"`)
        .header('x-content-sha256', document.sha256 ?? '')
        .header('cache-control', 'private, no-store')
        .send(stream);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      await reply
        .status(STATUS[err.code] ?? 400)
        .send({ error: { code: err.code, message: err.messageIn(requestLocale(req)), requestId: String(req.id) } });
    }
  }

  @Get('verify/:code')
  async verify(@Param('code') code: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = this.contexts.forActor(String(req.id), null);
    const result = /^[A-Za-z0-9]{4,32}$/.test(code)
      ? await this.documents.verify(ctx, null, code)
      : { genuine: false, document: null, instrument: null };
    const doc = result.document;
    const title = doc ? this.documents.kindTitle(doc.kind) : null;
    // The same check in the portal (docs/portal.md), which also verifies powers of attorney and contracts.
    const portalUrl = `/verify?${new URLSearchParams(doc ? { number: doc.number, code } : { code }).toString()}`;
    const html = this.templates.renderVerifyPage({
      found: result.genuine,
      portalUrl,
      doc: doc ? { number: doc.number, kindAr: title!.ar, kindEn: title!.en, issuedAt: doc.createdAt, sha256: doc.sha256 } : null,
      instrument: result.instrument ?? {
        active: true,
        stateAr: '—',
        stateEn: '—',
        labelAr: 'المرجع',
        labelEn: 'Reference',
        reference: '—',
      },
    });
    await reply
      .status(result.genuine ? 200 : 404)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .header('content-language', 'ar, en')
      .send(html);
  }
}

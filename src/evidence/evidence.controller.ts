/**
 * The HTTP routes of evidence (docs/evidence.md): `POST /uploads` (multipart, one file in the field
 * `file`, streamed) and `GET /attachments/:id` (streamed to one who may read it, by a Bearer token
 * or a signed link; anyone else gets the 404 of a missing one).
 */
import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { DomainError, NotFoundError, UnauthenticatedError, UploadRejectedError } from '../core/errors/domain-error';
import { requestLocale } from '../core/i18n/locale';
import { isUuid } from '../core/validation/input-rules';
import { RequestAuthenticator, SignedLinks } from '../identity';
import { AttachmentsService } from './attachments.service';
import { EVIDENCE } from './evidence-messages';
import { rejection } from './upload-intake';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429, BAD_USER_INPUT: 400 };

/** `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback and the exact name (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

@Controller()
export class EvidenceController {
  constructor(
    private readonly authenticator: RequestAuthenticator,
    private readonly attachments: AttachmentsService,
    private readonly links: SignedLinks,
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
  ) {}

  @Post('uploads')
  async upload(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const ctx = await this.authenticator.fromRequest(req);
      if (!ctx.actor) throw new UnauthenticatedError();
      if (!req.isMultipart()) throw rejection('no_file');
      // One byte past the cap reaches the intake, which refuses the file (upload-intake.ts).
      const part = await req.file({ limits: { fileSize: this.config.uploads.maxBytes + 1, files: 1, fields: 0 } });
      if (!part || part.fieldname !== 'file') {
        part?.file.resume();
        throw rejection('no_file');
      }
      const uploaded = await this.attachments.upload(ctx, {
        stream: part.file,
        fileName: part.filename,
        declaredType: part.mimetype,
        truncated: () => part.file.truncated,
      });
      const view = { ...uploaded, url: this.links.forCaller(ctx, `/attachments/${uploaded.id}`) };
      await reply.status(201).header('cache-control', 'no-store').send(view);
    } catch (err) {
      await this.refuse(req, reply, err);
    }
  }

  @Get('attachments/:id')
  async download(@Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const ctx = await this.authenticator.fromRequestOrLink(req);
      if (!isUuid(id)) throw new NotFoundError(EVIDENCE.attachmentNotFound());
      const { attachment, stream } = await this.attachments.open(ctx, id);
      await reply
        .header('content-type', attachment.contentType)
        .header('content-length', String(attachment.sizeBytes))
        .header('content-disposition', contentDisposition(attachment.fileName))
        .header('x-content-sha256', attachment.sha256)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stream);
    } catch (err) {
      await this.refuse(req, reply, err);
    }
  }

  private async refuse(req: FastifyRequest, reply: FastifyReply, err: unknown): Promise<void> {
    if (!(err instanceof DomainError)) throw err;
    const status = err instanceof UploadRejectedError ? err.httpStatus : (STATUS[err.code] ?? 400);
    // A refused upload is not read to its end: the connection closes after the answer.
    if (err instanceof UploadRejectedError) reply.header('connection', 'close');
    await reply.status(status).send({
      error: { code: err.code, ...err.details, message: err.messageIn(requestLocale(req)), requestId: String(req.id) },
    });
  }
}

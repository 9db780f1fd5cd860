import { Args, ID, Mutation, Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import { Public, SignedIn } from '../access/policy.decorator';
import { Ctx } from '../access/context/ctx.decorator';
import type { RequestContext } from '../access/context/request-context';
import { Document } from './document.entity';
import { DocumentKind } from './document.enums';
import { DocumentVerification, RequestDocumentInput } from './document.inputs';
import { DocumentsService } from './documents.service';
import { SignedLinks } from '../identity';

@Resolver(() => Document)
export class DocumentsResolver {
  constructor(
    private readonly service: DocumentsService,
    private readonly links: SignedLinks,
  ) {}

  // Whoever may read the subject's instrument may request its documents (checked on the record).
  @SignedIn()
  @Mutation(() => Document, { description: 'Queues a PDF of the subject (PENDING); the same request again returns the same document.' })
  requestDocument(@Ctx() ctx: RequestContext, @Args('input') input: RequestDocumentInput): Promise<Document> {
    return this.service.request(ctx, input);
  }

  @SignedIn()
  @Query(() => Document)
  document(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Document> {
    return this.service.get(ctx, id);
  }

  @SignedIn()
  @Query(() => [Document], { description: 'The documents of an instrument (a lawsuit), newest first.' })
  documents(
    @Ctx() ctx: RequestContext,
    @Args('instrumentId', { type: () => ID }) instrumentId: string,
    @Args('kind', { type: () => DocumentKind, nullable: true }) kind?: DocumentKind,
  ): Promise<Document[]> {
    return this.service.list(ctx, instrumentId, kind);
  }

  @Public()
  @Query(() => DocumentVerification, { description: 'Anyone: is a document with this number and verification code genuine?' })
  async verifyDocument(
    @Ctx() ctx: RequestContext,
    @Args('number') number: string,
    @Args('code') code: string,
  ): Promise<DocumentVerification> {
    const { genuine, document, instrument } = await this.service.verify(ctx, number, code);
    const title = document ? this.service.kindTitle(document.kind) : null;
    return {
      genuine,
      number: document?.number ?? null,
      kind: document?.kind ?? null,
      kindAr: title?.ar ?? null,
      kindEn: title?.en ?? null,
      issuedAt: document?.createdAt ?? null,
      sha256: document?.sha256 ?? null,
      instrument: instrument
        ? { active: instrument.active, stateAr: instrument.stateAr, stateEn: instrument.stateEn, reference: instrument.reference }
        : null,
    };
  }

  @ResolveField(() => String, { nullable: true, description: 'Where to download the PDF (Bearer token), once READY.' })
  pdfUrl(@Parent() document: Document): string | null {
    return document.state === 'READY' ? `/documents/${document.id}/pdf` : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'A link to the PDF that works without a token, for the caller, for SIGNED_LINK_TTL_SECONDS (15 minutes), once READY.',
  })
  pdfLink(@Ctx() ctx: RequestContext, @Parent() document: Document): string | null {
    return document.state === 'READY' ? this.links.forCaller(ctx, `/documents/${document.id}/pdf`) : null;
  }

  @ResolveField(() => String, { description: 'The public verification page of this document.' })
  verifyUrl(@Parent() document: Document): string {
    return this.service.verifyUrl(document.verificationCode);
  }
}

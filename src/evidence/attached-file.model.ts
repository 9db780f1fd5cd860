import { Field, ID, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../access/context/request-context';
import { Ctx } from '../access/context/ctx.decorator';
import { SignedLinks } from '../identity';

@ObjectType({ description: 'An uploaded file attached to a record (docs/evidence.md).' })
export class AttachedFile {
  @Field(() => ID, { description: 'GET /attachments/:id with a Bearer token.' })
  id!: string;

  @Field()
  fileName!: string;

  @Field()
  contentType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field({ description: 'SHA-256 of the bytes, computed by the server as they arrived.' })
  sha256!: string;
}

@Resolver(() => AttachedFile)
export class AttachedFileResolver {
  constructor(private readonly links: SignedLinks) {}

  @ResolveField(() => String, { nullable: true, description: 'A link that works without a token, for the caller, for 15 minutes.' })
  downloadLink(@Ctx() ctx: RequestContext, @Parent() file: AttachedFile): string | null {
    return this.links.forCaller(ctx, `/attachments/${file.id}`);
  }
}

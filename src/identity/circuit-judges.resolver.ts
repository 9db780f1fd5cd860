import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, RequestLoaders } from '../access/context/ctx.decorator';
import type { RequestContext } from '../access/context/request-context';
import { type Loaders, loader } from '../core/graphql/loaders';
import { Circuit } from '../organizations';
import { UserView } from './identity.models';
import { UsersDirectory } from './users-directory';

/** The people of a circuit: identity adds them to the organizations wing's Circuit type. */
@Resolver(() => Circuit)
export class CircuitJudgesResolver {
  constructor(private readonly directory: UsersDirectory) {}

  @ResolveField(() => [UserView], { description: 'Judges sitting in the circuit.' })
  judges(@Ctx() ctx: RequestContext, @RequestLoaders() loaders: Loaders, @Parent() circuit: Circuit): Promise<UserView[]> {
    return loader(loaders, 'judgesByCircuit', (ids) => this.directory.judgesOfCircuits(ctx, ids)).load(circuit.id);
  }
}

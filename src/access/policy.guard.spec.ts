import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { DomainError } from '../core/errors/domain-error';
import { AbilityFactory } from './ability.factory';
import type { Actor } from './actor';
import { Can, Public, SignedIn } from './policy.decorator';
import { PolicyGuard } from './policy.guard';
import { Role } from './role.enum';
import { actor } from '../../test/factories/actors';

class Resolvers {
  @Public()
  open(): void {}

  @SignedIn()
  mine(): void {}

  @Can('read', 'AuditEvent')
  audit(): void {}

  undeclared(): void {}
}

@SignedIn()
class SignedInResolvers {
  inherited(): void {}

  @Public()
  overridden(): void {}
}

const guard = new PolicyGuard(new Reflector());
const abilities = new AbilityFactory();
const ADMIN = actor({ id: 'admin', nationalId: '1000000001', roles: [Role.SYSTEM_ADMIN] });

/** What the guard answers to a GraphQL call of a resolver method by `who`: true, or the refusal's code. */
function call(type: { prototype: object }, method: string, who: Actor | null, kind = 'graphql'): boolean | string {
  const ctx = { actor: who, ability: abilities.createFor(who) };
  const handler = (type.prototype as Record<string, () => void>)[method];
  const host = new ExecutionContextHost([{}, {}, { ctx }, {}], type as never, handler);
  host.setType(kind);
  try {
    return guard.canActivate(host);
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

describe('PolicyGuard', () => {
  it('refuses an operation that declares no policy, whoever calls', () => {
    expect(call(Resolvers, 'undeclared', null)).toBe('FORBIDDEN');
    expect(call(Resolvers, 'undeclared', ADMIN)).toBe('FORBIDDEN');
  });

  it('lets anyone call a public operation', () => {
    expect(call(Resolvers, 'open', null)).toBe(true);
  });

  it('asks for a signed-in caller, then for the ability declared', () => {
    expect(call(Resolvers, 'mine', null)).toBe('UNAUTHENTICATED');
    expect(call(Resolvers, 'mine', actor())).toBe(true);
    expect(call(Resolvers, 'audit', null)).toBe('UNAUTHENTICATED');
    expect(call(Resolvers, 'audit', actor())).toBe('FORBIDDEN');
    expect(call(Resolvers, 'audit', ADMIN)).toBe(true);
  });

  it('takes a class’s policy for its methods, a method’s own first', () => {
    expect(call(SignedInResolvers, 'inherited', null)).toBe('UNAUTHENTICATED');
    expect(call(SignedInResolvers, 'overridden', null)).toBe(true);
  });

  it('leaves other kinds of call (HTTP routes) to their own checks', () => {
    expect(call(Resolvers, 'undeclared', null, 'http')).toBe(true);
  });
});

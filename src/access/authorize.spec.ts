import { AbilityFactory } from './ability.factory';
import { defineMessages } from '../core/i18n/messages';
import type { Actor } from './actor';
import { authorize, can, unreadable } from './authorize';
import { DomainError } from '../core/errors/domain-error';
import { actor, agency, claimantIn, COURT, ME, seat, SOMEONE } from '../../test/factories/actors';
import { Role } from './role.enum';

const factory = new AbilityFactory();
const contextOf = (who: Actor | null) => ({ actor: who, ability: factory.createFor(who) });

/** The code a call refuses with, or 'allowed'. */
function outcome(call: () => void): string {
  try {
    call();
    return 'allowed';
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

describe('authorize', () => {
  const client = SOMEONE;
  const theirs = claimantIn(client);

  it('lets an allowed act through, on a type or on a record', () => {
    const me = contextOf(actor());
    expect(outcome(() => authorize(me, 'create', 'Lawsuit'))).toBe('allowed');
    expect(outcome(() => authorize(me, 'withdraw', 'Lawsuit', claimantIn(ME)))).toBe('allowed');
    expect(outcome(() => authorize(me, 'update', 'User', { id: 'user-1' }, 'email'))).toBe('allowed');
  });

  it('tells an anonymous caller to authenticate, and a signed-in one that they may not', () => {
    expect(outcome(() => authorize(contextOf(null), 'read', 'Lawsuit', theirs))).toBe('UNAUTHENTICATED');
    expect(outcome(() => authorize(contextOf(actor()), 'read', 'Lawsuit', theirs))).toBe('FORBIDDEN');
    expect(outcome(() => authorize(contextOf(actor()), 'update', 'User', { id: 'user-1' }, 'roles'))).toBe('FORBIDDEN');
  });

  it('answers POWER_OF_ATTORNEY_INACTIVE to an agent of a party whose power for the act ended', () => {
    const ended = contextOf(actor({ agencies: [agency(client, [], ['LIT_ATTEND'])] }));
    expect(outcome(() => authorize(ended, 'attend', 'Lawsuit', theirs))).toBe('POWER_OF_ATTORNEY_INACTIVE');
    // Reading needs any litigation power: none is left.
    expect(outcome(() => authorize(ended, 'read', 'Lawsuit', theirs))).toBe('POWER_OF_ATTORNEY_INACTIVE');
  });

  it('answers FORBIDDEN when the power was never granted, the lawsuit is not the principal’s, or there is no lawsuit', () => {
    const ended = contextOf(actor({ agencies: [agency(client, [], ['LIT_ATTEND'])] }));
    expect(outcome(() => authorize(ended, 'plead', 'Lawsuit', theirs))).toBe('FORBIDDEN');
    expect(outcome(() => authorize(ended, 'attend', 'Lawsuit', claimantIn('1888888888')))).toBe('FORBIDDEN');
    expect(outcome(() => authorize(ended, 'read', 'Contract', { signerNationalIds: [client] }))).toBe('FORBIDDEN');
    // Without a record: a rule for some lawsuit lets the act through (a resolver's @Can); none refuses.
    expect(outcome(() => authorize(ended, 'attend', 'Lawsuit'))).toBe('allowed');
    expect(outcome(() => authorize(ended, 'judge', 'Lawsuit'))).toBe('FORBIDDEN');
  });

  it('allows an act still granted by another power of attorney of the same principal', () => {
    const both = contextOf(
      actor({ agencies: [agency(client, [], ['LIT_ATTEND', 'LIT_SUBMIT_MEMOS']), agency(client, ['LIT_ATTEND'], [])] }),
    );
    expect(outcome(() => authorize(both, 'attend', 'Lawsuit', theirs))).toBe('allowed');
    expect(outcome(() => authorize(both, 'plead', 'Lawsuit', theirs))).toBe('POWER_OF_ATTORNEY_INACTIVE');
  });
});

const { hearing: HEARING_NOT_FOUND, lawsuit: LAWSUIT_NOT_FOUND } = (() => {
  const m = defineMessages('test.unreadable', {
    hearing: { ar: 'لم يُعثر على الجلسة.', en: 'The hearing was not found.' },
    lawsuit: { ar: 'لم يُعثر على الدعوى.', en: 'The lawsuit was not found.' },
  });
  return { hearing: m.hearing(), lawsuit: m.lawsuit() };
})();

describe('unreadable', () => {
  const client = SOMEONE;

  it('hides a record the caller may not read as NOT_FOUND, naming what was looked for', () => {
    const error = unreadable(contextOf(actor()), 'Lawsuit', claimantIn(client), HEARING_NOT_FOUND);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'The hearing was not found.' });
    expect(unreadable(contextOf(null), 'Lawsuit', claimantIn(client), LAWSUIT_NOT_FOUND).code).toBe('NOT_FOUND');
  });

  it('tells a former agent of one of its parties that their power of attorney ended', () => {
    const former = contextOf(actor({ agencies: [agency(client, [], ['LIT_FILE'])] }));
    expect(unreadable(former, 'Lawsuit', claimantIn(client), LAWSUIT_NOT_FOUND).code).toBe('POWER_OF_ATTORNEY_INACTIVE');
    expect(unreadable(former, 'Lawsuit', claimantIn('1888888888'), LAWSUIT_NOT_FOUND).code).toBe('NOT_FOUND');
  });
});

describe('can', () => {
  it('answers without throwing, per record and per field', () => {
    const clerk = contextOf(actor({ roles: [Role.CLERK], memberships: [seat(Role.CLERK, { courtId: COURT })] }));
    expect(can(clerk, 'read', 'LawsuitParty', { nationalId: SOMEONE, courtId: COURT, circuitId: null }, 'nationalId')).toBe(true);
    expect(can(clerk, 'read', 'LawsuitParty', { nationalId: SOMEONE, courtId: 'court-9', circuitId: null }, 'nationalId')).toBe(false);
    expect(can(contextOf(null), 'read', 'Lawsuit')).toBe(false);
  });
});

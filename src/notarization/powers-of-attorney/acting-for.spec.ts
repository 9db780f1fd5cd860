import type { Actor } from '../../access/actor';
import { Role } from '../../access/role.enum';
import { actingFor } from './acting-for';
import { maskName } from '../verification-codes';
import { PowerCode } from './powers';

const lawyer: Actor = {
  id: 'u-lawyer',
  nationalId: '1030507097',
  roles: [Role.CITIZEN, Role.LAWYER],
  memberships: [],
  lawyerLicense: 'LAW-4471',
  authLevel: 'password',
  agencies: [
    { poaId: 'poa-ended', principalNationalId: '1010101010', powers: [], endedPowers: ['LIT_SUBMIT_MEMOS'] },
    { poaId: 'poa-1', principalNationalId: '1010101010', powers: ['LIT_FILE'], endedPowers: [] },
    { poaId: 'poa-2', principalNationalId: '1020304059', powers: ['LIT_SUBMIT_MEMOS'], endedPowers: [] },
  ],
};

describe('acting for a party', () => {
  const parties = [{ nationalId: '1010101010' }, { nationalId: '1020304059' }];

  it('acts as themselves when a party, relying on no power of attorney', () => {
    expect(actingFor({ ...lawyer, nationalId: '1010101010' }, parties, PowerCode.LIT_FILE)).toEqual({
      party: parties[0],
      powerOfAttorneyId: null,
    });
  });

  it('acts for the principal whose power of attorney in force grants the power', () => {
    expect(actingFor(lawyer, parties, PowerCode.LIT_SUBMIT_MEMOS)).toEqual({ party: parties[1], powerOfAttorneyId: 'poa-2' });
    expect(actingFor(lawyer, parties, PowerCode.LIT_FILE)).toEqual({ party: parties[0], powerOfAttorneyId: 'poa-1' });
  });

  it('never relies on an ended power, nor on a principal who is not a party', () => {
    expect(actingFor(lawyer, [parties[0]], PowerCode.LIT_SUBMIT_MEMOS)).toBeNull();
    expect(actingFor(lawyer, [{ nationalId: '2000000006' }], PowerCode.LIT_FILE)).toBeNull();
  });
});

describe('masked names for verification', () => {
  it('keeps the first name and the initials of the others, in Arabic and English', () => {
    expect(maskName('Abdullah Mohammed Al-Qahtani')).toBe('Abdullah M*** A***');
    expect(maskName('عبدالله محمد القحطاني')).toBe('عبدالله م*** ا***');
    expect(maskName('  Sarah  ')).toBe('Sarah');
  });

  it('acts for an organization whose representative of record the actor is, with no power of attorney', () => {
    const organization = { nationalId: null, representativeId: lawyer.id };
    expect(actingFor(lawyer, [{ nationalId: '2000000006' }, organization], PowerCode.LIT_OBJECT_APPEAL)).toEqual({
      party: organization,
      powerOfAttorneyId: null,
    });
    // A person is represented under their power of attorney only, each act by its power.
    expect(actingFor(lawyer, [{ nationalId: '2000000006', representativeId: lawyer.id }], PowerCode.LIT_OBJECT_APPEAL)).toBeNull();
  });
});

import { Role } from '../../access/role.enum';
import { agentLicences, PoaTerms, termProblems } from './poa-terms';
import { PoaIssuance } from './poa.enums';
import { PowerCode } from './powers';
import { render } from '../../core/i18n/messages';
import { fieldsInEnglish, type FieldError } from '../../core/errors/domain-error';

describe('terms of a new power of attorney', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const me = { nationalId: '1010101010', nameAr: 'عبدالله', nameEn: 'Abdullah' };
  const agent = { nationalId: '1030507097', nameAr: 'فهد', nameEn: 'Fahd' };
  const terms = (over: Partial<PoaTerms> = {}): PoaTerms => ({
    issuance: PoaIssuance.SELF,
    notaryOfficeId: null,
    principals: [me],
    agents: [agent],
    powers: [PowerCode.LIT_FILE],
    validFrom: now,
    validTo: new Date('2027-06-01T00:00:00Z'),
    canDelegate: false,
    ...over,
  });
  const fields = (t: PoaTerms) => termProblems(t, now, me.nationalId).map((p) => `${p.field}: ${render(p.message, 'en')}`);

  it('accepts a self-issued one naming the issuer as a principal, for under a year', () => {
    expect(fields(terms())).toEqual([]);
  });

  it('refuses people listed twice, an agent who is also a principal, and a self-issued one without the issuer', () => {
    expect(fields(terms({ agents: [agent, agent], powers: [PowerCode.LIT_FILE, PowerCode.LIT_FILE] }))).toEqual([
      'input.agents.1.nationalId: is listed twice',
      'input.powers.1: is listed twice',
    ]);
    expect(fields(terms({ agents: [{ ...me }] }))).toEqual(['input.agents.0.nationalId: is also a principal']);
    expect(fields(terms({ principals: [{ ...agent, nationalId: '1020304059' }] }))).toEqual([
      'input.principals: a self-issued power of attorney must include you as a principal',
    ]);
  });

  it('bounds validity: a year when self-issued, ten before a notary, the parent alone for a delegation', () => {
    const twoYears = new Date('2028-11-23T12:00:00Z');
    expect(fields(terms({ validTo: twoYears }))).toEqual(['input.validTo: a self-issued power of attorney lasts at most one year']);
    expect(fields(terms({ issuance: PoaIssuance.NOTARY, notaryOfficeId: 'office', validTo: twoYears }))).toEqual([]);
    expect(fields(terms({ issuance: PoaIssuance.DELEGATION, validTo: new Date('2040-01-01T00:00:00Z') }))).toEqual([]);
    expect(fields(terms({ validFrom: new Date('2026-11-23T11:00:00Z') }))).toEqual(['input.validFrom: cannot be in the past']);
    expect(fields(terms({ validTo: now }))).toEqual(['input.validTo: must be after validFrom and in the future']);
  });

  it("records a lawyer's licence for litigation powers, and checks one that is given", () => {
    const lawyer = { nationalId: agent.nationalId, roles: [Role.LAWYER], lawyerLicense: 'LAW-4471' };
    const problems: FieldError[] = [];
    expect(agentLicences(terms(), [lawyer], problems)).toEqual(['LAW-4471']);
    expect(agentLicences(terms({ powers: [PowerCode.RE_SELL] }), [lawyer], problems)).toEqual([null]);
    expect(problems).toEqual([]);
    expect(agentLicences(terms({ agents: [{ ...agent, lawyerLicense: 'LAW-0000' }] }), [lawyer], problems)).toEqual(['LAW-0000']);
    expect(fieldsInEnglish(problems)).toEqual([
      { field: 'input.agents.0.lawyerLicense', message: 'does not match a licensed lawyer with this national ID' },
    ]);
  });
});

import { Role } from '../../access/role.enum';
import { meets, parseSignInPolicy, withheldRoles } from './sign-in-policy';

describe('sign-in policy', () => {
  it('reads roles and their factors', () => {
    const policy = parseSignInPolicy(' JUDGE=national+totp , CLERK=totp,NOTARY=national ');
    expect(policy.get(Role.JUDGE)).toEqual({ national: true, totp: true });
    expect(policy.get(Role.CLERK)).toEqual({ national: false, totp: true });
    expect(policy.get(Role.NOTARY)).toEqual({ national: true, totp: false });
    expect(policy.has(Role.LAWYER)).toBe(false);
    expect(parseSignInPolicy('').size).toBe(0);
  });

  it.each([
    ['JUDGES=totp', /JUDGES/],
    ['CITIZEN=totp', /CITIZEN/],
    ['JUDGE=sms', /national, totp or national\+totp/],
    ['JUDGE', /national, totp or national\+totp/],
    ['JUDGE=totp,JUDGE=national', /twice/],
  ])('refuses %s', (text, message) => {
    expect(() => parseSignInPolicy(text)).toThrow(message);
  });

  it('a requirement is met only by every factor it names', () => {
    const both = { national: true, totp: true };
    expect(meets(both, { method: 'national', authLevel: 'mfa' })).toBe(true);
    expect(meets(both, { method: 'national', authLevel: 'password' })).toBe(false);
    expect(meets(both, { method: 'password', authLevel: 'mfa' })).toBe(false);
    expect(meets({ national: false, totp: true }, { method: 'password', authLevel: 'mfa' })).toBe(true);
  });

  it('withholds only the roles whose requirement the session misses', () => {
    const policy = parseSignInPolicy('JUDGE=totp,NOTARY=national');
    const roles = [Role.CITIZEN, Role.JUDGE, Role.NOTARY, Role.LAWYER];
    expect(withheldRoles(policy, roles, { method: 'password', authLevel: 'password' })).toEqual([Role.JUDGE, Role.NOTARY]);
    expect(withheldRoles(policy, roles, { method: 'password', authLevel: 'mfa' })).toEqual([Role.NOTARY]);
    expect(withheldRoles(policy, roles, { method: 'national', authLevel: 'mfa' })).toEqual([]);
  });
});

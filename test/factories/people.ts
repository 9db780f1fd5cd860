/** Valid, unused national IDs and registered citizens, in one line each. */
import { withCheckDigit } from '../../src/core/validation/national-id';
import type { TestApp } from '../harness';
import { RequestContextFactory } from '../../src/access/context/request-context.factory';
import { AuthService } from '../../src/identity/auth.service';
import { NewCitizen, UsersService } from '../../src/identity/users.service';

const used = new Set<string>();

export function nationalId(kind: 'citizen' | 'resident' = 'citizen'): string {
  for (;;) {
    const body = `${kind === 'citizen' ? '1' : '2'}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const id = withCheckDigit(body);
    if (!used.has(id) && id !== '1000000001') {
      used.add(id);
      return id;
    }
  }
}

export interface Citizen {
  id: string;
  nationalId: string;
  password: string;
  token: string;
}

/**
 * A citizen account and a signed-in session, made through the services as a verified registration
 * would make them (the registration's own checks are tested in registration specs), so that a spec
 * reaches its subject without the registry and the phone.
 */
export async function registerCitizen(t: TestApp, overrides: Partial<NewCitizen> = {}): Promise<Citizen> {
  const input: NewCitizen = {
    nationalId: nationalId(),
    nameAr: 'مواطن تجريبي',
    nameEn: 'Test Citizen',
    password: 'Citizen-Pass-2026',
    ...overrides,
  };
  const ctx = t.app.get(RequestContextFactory).forActor('test-factory', null);
  const user = await t.app.get(UsersService).enrolCitizen(ctx, input, { verifiedBy: 'test_fixture' });
  const session = await t.app.get(AuthService).issueSession(ctx, user, 'password');
  return { id: user.id, nationalId: input.nationalId, password: input.password, token: session.accessToken };
}

/** A court code nobody has used yet. */
let seq = 0;
export function uniqueCode(prefix = 'T'): string {
  seq += 1;
  return `${prefix}${Date.now().toString(36).toUpperCase().slice(-5)}${seq}`.replace(/[^A-Z0-9]/g, '').slice(0, 12);
}

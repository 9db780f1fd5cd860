/** Valid, unused national IDs and registered citizens, in one line each. */
import { withCheckDigit } from '../../src/core/validation/national-id';
import type { TestApp } from '../harness';

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

export async function registerCitizen(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Citizen> {
  const input = {
    nationalId: nationalId(),
    nameAr: 'مواطن تجريبي',
    nameEn: 'Test Citizen',
    password: 'Citizen-Pass-2026',
    ...overrides,
  };
  const data = await t.ok<{ registerCitizen: { accessToken: string; user: { id: string } } }>(
    'mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { accessToken user { id } } }',
    { input },
  );
  return {
    id: data.registerCitizen.user.id,
    nationalId: input.nationalId,
    password: input.password,
    token: data.registerCitizen.accessToken,
  };
}

/** A court code nobody has used yet. */
let seq = 0;
export function uniqueCode(prefix = 'T'): string {
  seq += 1;
  return `${prefix}${Date.now().toString(36).toUpperCase().slice(-5)}${seq}`.replace(/[^A-Z0-9]/g, '').slice(0, 12);
}

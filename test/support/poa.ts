/**
 * What the power-of-attorney specs share, so that each of them, run alone, works from the same
 * ground: the outcomes the access tables expect, and for the powers-of-attorney-*.e2e-spec.ts
 * files the seeded principal and agent, the documents both halves send, and the steps they build on.
 */
import { RequestContextFactory } from '../../src/access/context/request-context.factory';
import { PowerOfAttorneyExpiry } from '../../src/notarization/powers-of-attorney/poa-expiry.service';
import { POA_FIELDS } from '../factories/powers-of-attorney';
import type { TestApp } from '../harness';
import type { PoaOptions } from '../scenario/notarization';
import type { Person } from '../scenario/people';
import { scenario } from '../scenario/scenario';

/** What an attempt comes to in the access tables: done, or the code of the error that refused it. */
export type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'POWER_OF_ATTORNEY_INACTIVE';

/** The national IDs of the seeded citizen and lawyer (licence LAW-4471). */
export const CITIZEN = '1010101010';
export const LAWYER = '1030507097';

export const GET = `query($id: ID!) { powerOfAttorney(id: $id) { ${POA_FIELDS} } }`;
export const VERIFY = `query($n: String!, $c: String!) { verifyPowerOfAttorney(number: $n, code: $c) {
    number state issuance validFrom validTo principals { nameAr nameEn nationalId } agents { nameEn nationalId state }
    powers { code nameAr nameEn inForce } } }`;

/** The ground of a powers-of-attorney spec file, laid once in its beforeAll. */
export type PoaGround = Awaited<ReturnType<typeof poaGround>>;

export async function poaGround(t: TestApp) {
  const officeId = (await t.ok('{ notaryOffices { id code } }')).notaryOffices.find((o: { code: string }) => o.code === 'RYD-NO1')
    .id as string;
  const idOf = async (key: 'citizen' | 'lawyer') => (await t.ok('{ me { id } }', {}, await t.token(key))).me.id as string;
  const seeded = await scenario(t.app)
    .principal({ id: await idOf('citizen') })
    .agent({ id: await idOf('lawyer') });
  /** The seeded citizen and lawyer (CITIZEN, LAWYER), as principal and agent of the scenarios. */
  const [seededCitizen, seededLawyer] = [seeded.actors.principal, seeded.actors.agent];
  return {
    /** The notary office RYD-NO1. */
    officeId,
    /** The seeded citizen appoints `agent` (by default the seeded lawyer) before the notary of RYD-NO1. */
    notaryIssues: (options: PoaOptions = {}, agent: Person = seededLawyer) =>
      scenario(t.app).principal(seededCitizen).agent(agent).poa(options).poaIssuedByNotary(),
    /** A citizen with two-factor authentication enrolled. */
    twoFactorCitizen: async (): Promise<Person> => (await scenario(t.app).principal({ twoFactor: true })).actors.principal,
    /** The expiry sweep, run once as its scheduled job runs it. */
    sweep: async () => {
      const contexts = t.app.get(RequestContextFactory);
      return t.app.get(PowerOfAttorneyExpiry).sweep(contexts.forActor('test-sweep', null));
    },
  };
}

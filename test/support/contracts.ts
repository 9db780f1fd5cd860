/**
 * The app of the notarized contract specs (contracts-lifecycle and contracts-terms): tokens that
 * outlive a moved clock, the notary office RYD-NO1 and its notary, and small readers of an answer's
 * offending fields, a row count and a person's notices.
 */
import { DataSource } from 'typeorm';
import { officeId } from '../factories/contracts';
import { GqlResponse, startApp, TestApp } from '../harness';

export type Data = Record<string, any>;

export let t: TestApp;
export let office: string;
export let notary: string;
export let db: DataSource;

/** Starts the app and looks up the notary office and its notary. */
export function setUpContracts(): void {
  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(365 * 86_400) });
    office = await officeId(t);
    notary = await t.token('notary');
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });
}

export const fields = (res: GqlResponse) => (res.errors?.[0].extensions.fields ?? []).map((f) => f.field);
export const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }[]>(sql, params))[0].n);
export const noticesOf = async (s: { token: string }) =>
  (await t.ok('{ notifications(first: 100) { edges { node { kind titleEn bodyAr bodyEn data } } } }', {}, s.token)).notifications.edges.map(
    (e: Data) => e.node,
  );

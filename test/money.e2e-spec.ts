/**
 * Money is exact from the edge to the database: an amount typed with halalas (10000.29) is taken,
 * stored and counted as typed — in a claim, the claimed total and its fee, a judgment's award and a
 * contract's price — and an amount with more than two decimals is refused, naming the field.
 */
import { DataSource } from 'typeorm';
import { officeId, saleInput } from './factories/contracts';
import { lawsuitInput } from './factories/lawsuits';
import { startApp, TestApp } from './harness';
import { scenario } from './scenario/scenario';

const FILE = `mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id claimedAmount feeAmount claims { amount } } }`;
const ISSUE = `mutation($i: IssueJudgmentInput!) { issueJudgment(input: $i) { id amountAwarded } }`;
const DRAFT = `mutation($i: DraftContractInput!) { draftContract(input: $i) { id amount } }`;

const fieldsOf = (res: { errors?: { extensions: { code: string; fields?: { field: string }[] } }[] }) => ({
  code: res.errors?.[0].extensions.code,
  fields: res.errors?.[0].extensions.fields?.map((f) => f.field),
});

describe('money in SAR with halalas', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await startApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('files claims of 10000.29 and 0.71 as typed: the claimed total is exact, and so is its fee', async () => {
    const s = await scenario(t.app).claimant();
    const claims = [
      { description: 'قرض — a loan', amount: 10000.29 },
      { description: 'فوائد التأخير — late charges', amount: 0.71 },
    ];
    const filed = (await t.ok(FILE, { i: lawsuitInput(s.actors.claimant.nationalId, { claims }) }, s.actors.claimant.token)).fileLawsuit;
    expect(filed.claims.map((c: { amount: number }) => c.amount)).toEqual([10000.29, 0.71]);
    expect(filed.claimedAmount).toBe(10001);
    const [row] = await db.query<{ claimed_amount: string; fee_amount: string }[]>(
      'SELECT claimed_amount, fee_amount FROM lawsuits WHERE id = $1',
      [filed.id],
    );
    expect(row.claimed_amount).toBe('10001.00');
    expect(Number(row.fee_amount)).toBe(filed.feeAmount);
    const amounts = await db.query<{ amount: string }[]>('SELECT amount FROM lawsuit_claims WHERE lawsuit_id = $1 ORDER BY position', [
      filed.id,
    ]);
    expect(amounts.map((a) => a.amount)).toEqual(['10000.29', '0.71']);
  });

  it('refuses a claim of 10000.291, naming the field, and files nothing', async () => {
    const s = await scenario(t.app).claimant();
    const before = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM lawsuits');
    const res = await t.gql(
      FILE,
      { i: lawsuitInput(s.actors.claimant.nationalId, { claims: [{ description: 'قرض — a loan', amount: 10000.291 }] }) },
      s.actors.claimant.token,
    );
    expect(fieldsOf(res)).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.claims.0.amount'] });
    expect(await db.query('SELECT count(*) AS n FROM lawsuits')).toEqual(before);
  });

  it('awards 10000.29 exactly, and refuses an award with three decimals', async () => {
    const s = await scenario(t.app).hearingHeld();
    const judge = (await s.judge()).token;
    const base = {
      lawsuitId: s.lawsuitId,
      ruling: 'يلزم المدعى عليه بالسداد — pay',
      summary: 'ثبوت الدين — proven',
      inFavourOf: 'CLAIMANT',
    };
    const reasoning = 'لما ثبت من سند القرض — as the loan contract shows';
    expect(fieldsOf(await t.gql(ISSUE, { i: { ...base, reasoning, amountAwarded: 12.345 } }, judge))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['input.amountAwarded'],
    });
    const issued = (await t.ok(ISSUE, { i: { ...base, reasoning, amountAwarded: 10000.29 } }, judge)).issueJudgment;
    expect(issued.amountAwarded).toBe(10000.29);
    const [row] = await db.query<{ amount_awarded: string }[]>('SELECT amount_awarded FROM judgments WHERE id = $1', [issued.id]);
    expect(row.amount_awarded).toBe('10000.29');
  });

  it("takes a contract's price of 10000.29 and refuses one of 10000.291", async () => {
    const s = await scenario(t.app).seller().buyer();
    const office = await officeId(t);
    const sale = (price: number) =>
      saleInput(office, s.actors.seller.nationalId, s.actors.buyer.nationalId, {
        terms: { sale: { subject: 'أرض — a plot', price, currency: 'SAR', deedNumber: '310118042233' } },
      });
    const refused = await t.gql(DRAFT, { i: sale(10000.291) }, s.actors.seller.token);
    expect(fieldsOf(refused)).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.terms.sale.price'] });
    const drafted = (await t.ok(DRAFT, { i: sale(10000.29) }, s.actors.seller.token)).draftContract;
    expect(drafted.amount).toBe(10000.29);
  });
});

/**
 * Notarized contracts: the terms of each type. A lease, a company formation (shares of exactly
 * 100 %), a real-estate transfer, a gift and a mortgage are drafted; invalid drafts are answered
 * BAD_USER_INPUT naming each offending field, with nothing written, and a citizen drafts only
 * contracts they are party to.
 */
import { DRAFT, MINE, nationalId, person, saleInput } from './factories/contracts';
import { registerCitizen } from './factories/people';
import { count, Data, fields, office, setUpContracts, t } from './support/contracts';

describe('notarized contracts', () => {
  setUpContracts();

  describe('terms of each type', () => {
    it('accepts a lease, a company formation with shares of exactly 100 %, a transfer, a gift and a mortgage', async () => {
      const a = await registerCitizen(t);
      const b = nationalId();
      const c = nationalId();
      const cases: Record<string, unknown>[] = [
        {
          type: 'LEASE',
          parties: [person('LESSOR', a.nationalId), person('LESSEE', b)],
          terms: {
            lease: {
              property: 'شقة في حي الملقا — flat in Al-Malqa',
              startDate: '2027-01-01',
              endDate: '2027-12-31',
              rent: 4500,
              currency: 'SAR',
              paymentPeriod: 'MONTHLY',
              deposit: 4500,
            },
          },
        },
        {
          type: 'COMPANY_FORMATION',
          parties: [person('PARTNER', a.nationalId), person('PARTNER', b), person('PARTNER', c)],
          terms: {
            companyFormation: {
              companyNameAr: 'شركة النخبة للتجارة',
              companyNameEn: 'Elite Trading LLC',
              legalForm: 'LIMITED_LIABILITY',
              capital: 300000,
              currency: 'SAR',
              purpose: 'التجارة العامة — general trade',
              shares: [
                { nationalId: a.nationalId, percent: 33.33 },
                { nationalId: b, percent: 33.33 },
                { nationalId: c, percent: 33.34 },
              ],
            },
          },
        },
        {
          type: 'REAL_ESTATE_TRANSFER',
          parties: [person('TRANSFEROR', a.nationalId), person('TRANSFEREE', b)],
          terms: {
            realEstateTransfer: {
              deedNumber: '410118042299',
              property: 'فيلا — villa',
              city: 'Riyadh',
              areaSqm: 625.5,
              price: 2300000,
              currency: 'SAR',
            },
          },
        },
        {
          type: 'GIFT',
          parties: [person('DONOR', a.nationalId), person('DONEE', b)],
          terms: { gift: { subject: 'سيارة — a car', currency: 'SAR' } },
        },
        {
          type: 'MORTGAGE',
          parties: [person('MORTGAGOR', a.nationalId), person('MORTGAGEE', b)],
          terms: {
            mortgage: {
              deedNumber: '510118042211',
              property: 'عمارة — building',
              debtAmount: 800000,
              currency: 'SAR',
              maturityDate: '2030-06-30',
            },
          },
        },
      ];
      for (const input of cases) {
        const res = (await t.ok(DRAFT, { i: { notaryOfficeId: office, freeText: '', ...input } }, a.token)).draftContract;
        expect(res).toMatchObject({ type: input.type, state: 'DRAFT' });
      }
      const mine = (await t.ok(MINE, { f: { type: 'MORTGAGE' } }, a.token)).myContracts.edges;
      expect(mine).toHaveLength(1);
    });

    it('answers BAD_USER_INPUT naming each offending field, and writes nothing', async () => {
      const a = await registerCitizen(t);
      const b = nationalId();
      const before = await count('SELECT count(*) AS n FROM contracts');
      const bad = async (input: Record<string, unknown>) => {
        const res = await t.gql(DRAFT, { i: input }, a.token);
        expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
        return fields(res);
      };
      const sale = saleInput(office, a.nationalId, b);
      expect(await bad({ ...sale, terms: {} })).toEqual(['input.terms.sale']);
      expect(await bad({ ...sale, terms: { ...(sale.terms as Data), gift: { subject: 'a gift', currency: 'SAR' } } })).toEqual([
        'input.terms.gift',
      ]);
      expect(await bad({ ...sale, terms: { sale: { subject: 'x', price: 10.555, currency: 'riyal', deedNumber: '12-34' } } })).toEqual(
        expect.arrayContaining([
          'input.terms.sale.subject',
          'input.terms.sale.price',
          'input.terms.sale.currency',
          'input.terms.sale.deedNumber',
        ]),
      );
      expect(await bad({ ...sale, parties: [person('SELLER', a.nationalId), person('LESSEE', b)] })).toEqual(
        expect.arrayContaining(['input.parties.1.role', 'input.parties']),
      );
      expect(await bad({ ...sale, parties: [person('SELLER', a.nationalId), person('BUYER', '1234567890')] })).toEqual([
        'input.parties.1.nationalId',
      ]);
      expect(await bad({ ...sale, parties: [person('SELLER', a.nationalId), person('BUYER', a.nationalId)] })).toEqual(
        expect.arrayContaining(['input.parties.1']),
      );
      expect(
        await bad({
          type: 'LEASE',
          notaryOfficeId: office,
          freeText: '',
          parties: [person('LESSOR', a.nationalId), person('LESSEE', b)],
          terms: {
            lease: {
              property: 'flat 4',
              startDate: '2027-05-01',
              endDate: '2027-04-30',
              rent: 3000,
              currency: 'SAR',
              paymentPeriod: 'MONTHLY',
            },
          },
        }),
      ).toEqual(['input.terms.lease.endDate']);
      // A date of the right shape that no calendar has.
      expect(
        await bad({
          type: 'LEASE',
          notaryOfficeId: office,
          freeText: '',
          parties: [person('LESSOR', a.nationalId), person('LESSEE', b)],
          terms: {
            lease: {
              property: 'flat 4',
              startDate: '2027-02-30',
              endDate: '2027-12-31',
              rent: 3000,
              currency: 'SAR',
              paymentPeriod: 'MONTHLY',
            },
          },
        }),
      ).toEqual(['input.terms.lease.startDate']);
      const c = nationalId();
      expect(
        await bad({
          type: 'COMPANY_FORMATION',
          notaryOfficeId: office,
          freeText: '',
          parties: [person('PARTNER', a.nationalId), person('PARTNER', b)],
          terms: {
            companyFormation: {
              companyNameAr: 'شركة',
              companyNameEn: 'Company',
              legalForm: 'LIMITED_LIABILITY',
              capital: 100000,
              currency: 'SAR',
              purpose: 'trade',
              shares: [
                { nationalId: a.nationalId, percent: 60 },
                { nationalId: c, percent: 30 },
              ],
            },
          },
        }),
      ).toEqual(expect.arrayContaining(['input.terms.companyFormation.shares.1.nationalId', 'input.terms.companyFormation.shares']));
      expect(await bad({ ...sale, notaryOfficeId: '00000000-0000-4000-8000-000000000000' })).toEqual(['input.notaryOfficeId']);
      expect(await count('SELECT count(*) AS n FROM contracts')).toBe(before);
      // A citizen drafts only contracts they are party to.
      expect(await t.code(DRAFT, { i: saleInput(office, b, nationalId()) }, a.token)).toBe('FORBIDDEN');
    });
  });
});

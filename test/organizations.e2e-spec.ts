import { Client } from 'pg';
import { uniqueCode } from './factories/people';
import { startApp, TestApp } from './harness';

const COURT = `query($code: String) { court(code: $code) { id code nameAr nameEn type city timeZone workDays workStart workEnd version
  circuits { code specialization active judges { nameEn } } } }`;

describe('organizations', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startApp();
    admin = await t.token('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  async function newCourt(overrides: Record<string, unknown> = {}) {
    const code = uniqueCode('C');
    const data = await t.ok(
      'mutation($i: CreateCourtInput!) { createCourt(input: $i) { id code version workDays workStart workEnd timeZone } }',
      { i: { code, nameAr: 'محكمة تجريبية', nameEn: 'Test Court', type: 'GENERAL', city: 'Riyadh', ...overrides } },
      admin,
    );
    return data.createCourt;
  }

  it('lists the seeded courts of Riyadh, Jeddah and Dammam publicly, with Arabic and English names', async () => {
    const data = await t.ok('{ courts { code nameAr nameEn type city } }');
    const codes = data.courts.map((c: { code: string }) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['RYD-GEN', 'RYD-COM', 'RYD-PS', 'RYD-CRM', 'RYD-APL', 'JED-GEN', 'DMM-GEN']));
    expect(data.courts.find((c: { code: string }) => c.code === 'RYD-GEN')).toEqual({
      code: 'RYD-GEN',
      nameAr: 'المحكمة العامة بالرياض',
      nameEn: 'General Court of Riyadh',
      type: 'GENERAL',
      city: 'Riyadh',
    });
  });

  it('filters courts by city and type', async () => {
    const data = await t.ok('query($f: CourtsFilter) { courts(filter: $f) { code city type } }', {
      f: { city: 'jeddah', type: 'COMMERCIAL' },
    });
    expect(data.courts).toEqual([{ code: 'JED-COM', city: 'Jeddah', type: 'COMMERCIAL' }]);
  });

  it('shows a court with its circuits, their judges and the default working calendar', async () => {
    const data = await t.ok(COURT, { code: 'RYD-GEN' });
    expect(data.court).toMatchObject({ timeZone: 'Asia/Riyadh', workDays: [0, 1, 2, 3, 4], workStart: '08:00:00', workEnd: '15:00:00' });
    const civ1 = data.court.circuits.find((c: { code: string }) => c.code === 'CIV-1');
    expect(civ1).toMatchObject({ specialization: 'CIVIL', active: true, judges: [{ nameEn: 'Judge Sulaiman Ibrahim Al-Shehri' }] });
  });

  it('answers NOT_FOUND for an unknown court', async () => {
    expect(await t.code(COURT, { code: 'NOPE-NOPE' })).toBe('NOT_FOUND');
  });

  it('loads circuits and judges of all courts in a fixed number of queries (no N+1)', async () => {
    const spy = jest.spyOn(Client.prototype, 'query');
    const query = '{ courts { code circuits { code judges { nameEn } court { code } } } }';
    try {
      spy.mockClear();
      await t.ok(query);
      const withSeed = spy.mock.calls.length;
      for (let i = 0; i < 3; i++) {
        const court = await newCourt();
        await t.ok(
          'mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id } }',
          { i: { courtId: court.id, code: 'CIV-1', nameAr: 'دائرة', nameEn: 'Circuit', specialization: 'CIVIL' } },
          admin,
        );
      }
      spy.mockClear();
      await t.ok(query);
      expect(spy.mock.calls.length).toBe(withSeed);
      expect(withSeed).toBeLessThanOrEqual(8);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses a duplicate court code, naming the field, and writes nothing', async () => {
    const res = await t.gql(
      'mutation($i: CreateCourtInput!) { createCourt(input: $i) { id } }',
      { i: { code: 'RYD-GEN', nameAr: 'مكرر', nameEn: 'Duplicate', type: 'GENERAL', city: 'Riyadh' } },
      admin,
    );
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.code' }] });
    const data = await t.ok('{ courts { code } }');
    expect(data.courts.filter((c: { code: string }) => c.code === 'RYD-GEN')).toHaveLength(1);
  });

  it('validates court input at the edge: code format, type, city', async () => {
    const res = await t.gql(
      'mutation($i: CreateCourtInput!) { createCourt(input: $i) { id } }',
      { i: { code: 'bad code', nameAr: 'م', nameEn: 'x', type: 'GENERAL', city: 'R' } },
      admin,
    );
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields!.map((f) => f.field).sort()).toEqual([
      'input.city',
      'input.code',
      'input.nameAr',
      'input.nameEn',
    ]);
  });

  describe('working calendar', () => {
    it('changes working days and hours with optimistic locking: a stale version is refused', async () => {
      const court = await newCourt();
      const update = 'mutation($i: UpdateCourtInput!) { updateCourt(input: $i) { version workDays workStart workEnd } }';
      const first = await t.ok(
        update,
        { i: { id: court.id, version: court.version, workDays: [0, 1, 2, 3], workStart: '07:30', workEnd: '14:30' } },
        admin,
      );
      expect(first.updateCourt).toEqual({ version: court.version + 1, workDays: [0, 1, 2, 3], workStart: '07:30:00', workEnd: '14:30:00' });
      const stale = await t.gql(update, { i: { id: court.id, version: court.version, nameEn: 'Lost update' } }, admin);
      expect(stale.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'version' }] });
    });

    it('refuses working hours that end before they start', async () => {
      const court = await newCourt();
      const res = await t.gql(
        'mutation($i: UpdateCourtInput!) { updateCourt(input: $i) { id } }',
        { i: { id: court.id, version: court.version, workStart: '15:00', workEnd: '08:00' } },
        admin,
      );
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.workEnd' }] });
    });

    it('is open Sunday to Thursday 08:00–15:00 Riyadh time, closed on Friday and on holidays', async () => {
      const court = await newCourt();
      const open = 'query($code: String, $at: DateTime!) { court(code: $code) { isOpen(at: $at) } }';
      const at = async (iso: string) => (await t.ok(open, { code: court.code, at: iso })).court.isOpen;
      expect(await at('2026-12-06T06:00:00.000Z')).toBe(true); // Sunday 09:00
      expect(await at('2026-12-06T04:30:00.000Z')).toBe(false); // Sunday 07:30
      expect(await at('2026-12-06T12:30:00.000Z')).toBe(false); // Sunday 15:30
      expect(await at('2026-12-04T06:00:00.000Z')).toBe(false); // Friday

      const added = await t.ok(
        'mutation($i: AddHolidayInput!) { addHoliday(input: $i) { id courtId startsOn endsOn } }',
        { i: { courtId: court.id, startsOn: '2026-12-06', endsOn: '2026-12-07', nameAr: 'إجازة', nameEn: 'Closure' } },
        admin,
      );
      expect(added.addHoliday).toMatchObject({ courtId: court.id, startsOn: '2026-12-06', endsOn: '2026-12-07' });
      expect(await at('2026-12-06T06:00:00.000Z')).toBe(false);
      expect(await at('2026-12-08T06:00:00.000Z')).toBe(true);

      const holidays = await t.ok(
        'query($code: String) { court(code: $code) { holidays(from: "2026-12-01", to: "2026-12-31") { nameEn courtId } } }',
        { code: court.code },
      );
      expect(holidays.court.holidays).toEqual([{ nameEn: 'Closure', courtId: court.id }]);

      await t.ok('mutation($id: ID!) { removeHoliday(id: $id) }', { id: added.addHoliday.id }, admin);
      expect(await at('2026-12-06T06:00:00.000Z')).toBe(true);
    });

    it('applies nationwide holidays to every court', async () => {
      const court = await newCourt();
      const data = await t.ok(
        'query($code: String) { court(code: $code) { holidays(from: "2027-03-01", to: "2027-03-31") { nameEn courtId } isOpen(at: "2027-03-10T06:00:00.000Z") } }',
        { code: court.code },
      );
      expect(data.court.holidays).toEqual([{ nameEn: 'Eid al-Fitr holiday', courtId: null }]);
      expect(data.court.isOpen).toBe(false);
    });
  });

  describe('circuits and judges', () => {
    it('lets the court admin create a circuit, deactivate it, and seat a judge in it', async () => {
      const courtAdmin = await t.token('courtAdmin');
      const court = (await t.ok(COURT, { code: 'RYD-GEN' })).court;
      const code = uniqueCode('X').slice(0, 10);
      const created = await t.ok(
        'mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id version code specialization court { code } } }',
        { i: { courtId: court.id, code, nameAr: 'الدائرة التجريبية', nameEn: 'Test Circuit', specialization: 'LABOR' } },
        courtAdmin,
      );
      expect(created.createCircuit).toMatchObject({ code, specialization: 'LABOR', court: { code: 'RYD-GEN' } });

      const users = await t.ok(
        'query($f: UsersFilter) { users(filter: $f) { edges { node { id } } } }',
        { f: { nationalId: '1050505054' } },
        await t.token('admin'),
      );
      const appealJudgeId = users.users.edges[0].node.id;
      await t.ok(
        'mutation($i: AddMembershipInput!) { addMembership(input: $i) { id role courtId circuitId } }',
        { i: { userId: appealJudgeId, role: 'JUDGE', circuitId: created.createCircuit.id } },
        courtAdmin,
      );
      const after = (await t.ok(COURT, { code: 'RYD-GEN' })).court.circuits.find((c: { code: string }) => c.code === code);
      expect(after.judges).toEqual([{ nameEn: 'Judge Nasser Ali Al-Ghamdi' }]);

      const again = await t.gql(
        'mutation($i: AddMembershipInput!) { addMembership(input: $i) { id } }',
        { i: { userId: appealJudgeId, role: 'JUDGE', circuitId: created.createCircuit.id } },
        courtAdmin,
      );
      expect(again.errors![0].extensions.code).toBe('BAD_USER_INPUT');

      const off = await t.ok(
        'mutation($i: UpdateCircuitInput!) { updateCircuit(input: $i) { active version } }',
        { i: { id: created.createCircuit.id, version: created.createCircuit.version, active: false } },
        courtAdmin,
      );
      expect(off.updateCircuit).toEqual({ active: false, version: created.createCircuit.version + 1 });
    });

    it('refuses a circuit code used twice in one court but allows it in another', async () => {
      const a = await newCourt();
      const b = await newCourt();
      const create = 'mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id } }';
      const input = { code: 'COM-9', nameAr: 'دائرة', nameEn: 'Circuit', specialization: 'COMMERCIAL' };
      await t.ok(create, { i: { ...input, courtId: a.id } }, admin);
      await t.ok(create, { i: { ...input, courtId: b.id } }, admin);
      const dup = await t.gql(create, { i: { ...input, courtId: a.id } }, admin);
      expect(dup.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.code' }] });
    });
  });

  describe('offices', () => {
    it('creates prosecution and notary offices and lists them publicly', async () => {
      const pp = uniqueCode('P');
      const no = uniqueCode('N');
      await t.ok(
        'mutation($i: CreateOfficeInput!) { createProsecutionOffice(input: $i) { code } }',
        { i: { code: pp, nameAr: 'نيابة', nameEn: 'Prosecution', city: 'Jeddah' } },
        admin,
      );
      await t.ok(
        'mutation($i: CreateOfficeInput!) { createNotaryOffice(input: $i) { code } }',
        { i: { code: no, nameAr: 'كتابة عدل', nameEn: 'Notary', city: 'Jeddah' } },
        admin,
      );
      const data = await t.ok('{ prosecutionOffices { code } notaryOffices { code } }');
      expect(data.prosecutionOffices.map((o: { code: string }) => o.code)).toEqual(expect.arrayContaining(['RYD-PP', pp]));
      expect(data.notaryOffices.map((o: { code: string }) => o.code)).toEqual(expect.arrayContaining(['RYD-NO1', no]));
    });
  });
});

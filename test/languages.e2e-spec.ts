/**
 * Arabic and English messages over HTTP (docs/api.md, "Languages"): Accept-Language chooses the
 * message of an error (and of each field), Arabic when the header is absent or names no language
 * the platform speaks; codes never change; every response says its language in Content-Language;
 * a notice reads in the request's language.
 */
import { courtWithStaff, CourtFixture } from './factories/courts';
import { startApp, TestApp, type GqlError } from './harness';
import { scenario } from './scenario/scenario';

/** How each case asks: the header it sends (none at all for `null`) and the language it should get. */
const ASKED: [string, string | null, 'ar' | 'en'][] = [
  ['English', 'en', 'en'],
  ['Arabic', 'ar', 'ar'],
  ['no header', null, 'ar'],
  ['only French', 'fr', 'ar'],
  ['French, then English', 'fr, en;q=0.5', 'en'],
];

const NOTICES = `{ notifications(first: 20) { edges { node { kind title body titleAr titleEn bodyAr bodyEn } } } }`;
const MEMO = `mutation($i: SubmitMemoInput!) { submitMemo(input: $i) { id } }`;

describe('messages in the language of the request', () => {
  let t: TestApp;
  let fx: CourtFixture;

  beforeAll(async () => {
    t = await startApp();
    fx = await courtWithStaff(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function post(
    query: string,
    variables: Record<string, unknown>,
    language: string | null,
    token?: string,
  ): Promise<{ status: number; language: string | null; errors?: GqlError[]; data?: Record<string, any> }> {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(language === null ? {} : { 'accept-language': language }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: GqlError[]; data?: Record<string, any> };
    return { status: res.status, language: res.headers.get('content-language'), ...body };
  }

  it.each(ASKED)('answers a refusal in the chosen language (%s), with the same code', async (_name, header, locale) => {
    const res = await post(NOTICES, {}, header);
    expect(res.language).toBe(locale);
    expect(res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toBe(locale === 'ar' ? 'يلزم تسجيل الدخول.' : 'Authentication is required.');
  });

  it('says an invalid token in the chosen language, before any resolver runs', async () => {
    const en = await post(NOTICES, {}, 'en', 'not-a-token');
    const ar = await post(NOTICES, {}, null, 'not-a-token');
    expect([en.status, ar.status]).toEqual([401, 401]);
    expect(en.errors![0]).toMatchObject({ message: 'The access token is invalid or has expired; sign in again.' });
    expect(ar.errors![0]).toMatchObject({
      message: 'رمز الدخول غير صالح أو منتهي الصلاحية؛ سجّل الدخول مجددًا.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(ar.language).toBe('ar');
  });

  it('translates the message of each offending field of BAD_USER_INPUT, keeping the field paths', async () => {
    const query = `query($id: ID!) { lawsuit(id: $id) { id } }`;
    const en = await post(query, { id: 'not-a-uuid' }, 'en');
    const ar = await post(query, { id: 'not-a-uuid' }, 'fr');
    expect(en.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'id', message: 'must be a UUID' }] });
    expect(en.errors![0].message).toBe('id: must be a UUID');
    expect(ar.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'id', message: 'يجب أن يكون معرّفًا بصيغة UUID.' }],
    });
    expect(ar.errors![0].message).toBe('id: يجب أن يكون معرّفًا بصيغة UUID.');
    // A class-validator constraint, by its name.
    const start = `mutation($input: StartCitizenRegistrationInput!) { startCitizenRegistration(input: $input) { registrationId } }`;
    const register = `mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { user { id } } }`;
    const fields = (res: { errors?: GqlError[] }) => new Map(res.errors![0].extensions.fields!.map((f) => [f.field, f.message]));
    const enFields = fields(await post(start, { input: { nationalId: '123', birthDate: 'yesterday' } }, 'en'));
    const arFields = fields(await post(start, { input: { nationalId: '123', birthDate: 'yesterday' } }, 'ar'));
    expect([...arFields.keys()].sort()).toEqual([...enFields.keys()].sort());
    expect(enFields.get('input.nationalId')).toBe('must be exactly 10 digits');
    expect(arFields.get('input.nationalId')).toBe('يجب أن يتكون رقم الهوية من 10 أرقام بالضبط.');
    expect(arFields.get('input.birthDate')).toMatch(/تاريخ/);
    const bad = { registrationId: '6f1c1f0e-1b1a-4c55-9d53-0c3a5f9e2b11', code: '123456', password: 'short' };
    const arRegister = fields(await post(register, { input: bad }, 'ar'));
    expect(arRegister.get('input.password')).toMatch(/كلمة المرور/);
  });

  it('says a lifecycle refusal in the chosen language, with its state and details unchanged', async () => {
    const s = await scenario(t.app).court(fx).lawsuit().registered();
    const i = { lawsuitId: s.lawsuitId, body: 'مذكرة — a memo' };
    const en = await post(MEMO, { i }, 'en', s.actors.claimant.token);
    const ar = await post(MEMO, { i }, null, s.actors.claimant.token);
    expect(en.errors![0]).toMatchObject({
      message: 'Memos are filed while the case is in hearings, not when REGISTERED.',
      extensions: { code: 'INVALID_TRANSITION', machine: 'Lawsuit', from: 'REGISTERED', event: 'submitMemo' },
    });
    expect(ar.errors![0]).toMatchObject({
      message: 'تُقدَّم المذكرات أثناء نظر الدعوى في الجلسات، لا في الحالة REGISTERED.',
      extensions: { code: 'INVALID_TRANSITION', machine: 'Lawsuit', from: 'REGISTERED', event: 'submitMemo' },
    });

    // The notice of the registration reads in the request's language, from the texts it was served with.
    const notices = async (language: string | null) =>
      (await post(NOTICES, {}, language, s.actors.claimant.token)).data!.notifications.edges.map(
        (e: { node: Record<string, string> }) => e.node,
      );
    const [registeredEn] = (await notices('en')).filter((n: Record<string, string>) => n.kind === 'LAWSUIT_REGISTERED');
    const [registeredAr] = (await notices(null)).filter((n: Record<string, string>) => n.kind === 'LAWSUIT_REGISTERED');
    expect(registeredEn).toMatchObject({ title: registeredEn.titleEn, body: registeredEn.bodyEn });
    expect(registeredAr).toMatchObject({ title: registeredAr.titleAr, body: registeredAr.bodyAr });
    expect(registeredAr.title).toMatch(/[\u0621-\u064A]/);
    expect(registeredEn.title).toMatch(/^Lawsuit .* registered$/);
  });

  it('answers the plain HTTP routes in the chosen language too', async () => {
    const pdf = async (language: string | null) => {
      const res = await fetch(`${t.url}/documents/not-a-uuid/pdf`, { headers: language === null ? {} : { 'accept-language': language } });
      return {
        status: res.status,
        language: res.headers.get('content-language'),
        body: (await res.json()) as { error: Record<string, string> },
      };
    };
    const [en, ar] = [await pdf('en-GB'), await pdf(null)];
    expect([en.status, ar.status]).toEqual([404, 404]);
    expect(en).toMatchObject({ language: 'en', body: { error: { code: 'NOT_FOUND', message: 'The document was not found.' } } });
    expect(ar).toMatchObject({ language: 'ar', body: { error: { code: 'NOT_FOUND', message: 'لم يُعثر على المستند.' } } });
    const health = await fetch(`${t.url}/health`, { headers: { 'accept-language': 'en' } });
    expect(health.headers.get('content-language')).toBe('en');
    const page = await fetch(`${t.url}/verify/NOSUCHCODE`);
    expect(page.headers.get('content-language')).toBe('ar, en');
  });
});

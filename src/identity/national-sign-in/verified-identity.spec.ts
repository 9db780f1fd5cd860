import { verifiedIdentity } from './verified-identity';

const claims = {
  sub: 'abc',
  national_id: '1010101010',
  'name#ar': 'عبدالله محمد القحطاني',
  'name#en': 'Abdullah Mohammed Al-Qahtani',
  phone_number: '+966501010101',
  phone_number_verified: true,
};

describe('verifiedIdentity', () => {
  it('takes the number, both names and the verified phone', () => {
    expect(verifiedIdentity(claims)).toEqual({
      subject: 'abc',
      nationalId: '1010101010',
      nameAr: 'عبدالله محمد القحطاني',
      nameEn: 'Abdullah Mohammed Al-Qahtani',
      phone: '+966501010101',
    });
  });

  it('leaves out a phone the provider did not verify', () => {
    expect(verifiedIdentity({ ...claims, phone_number_verified: false })).toMatchObject({ phone: null });
  });

  it.each([
    ['sub', { sub: undefined }],
    ['national_id', { national_id: undefined }],
    ['national_id', { national_id: '1010101011' }],
    ['national_id', { national_id: '1000000001' }],
    ['name#ar', { 'name#ar': ' ' }],
    ['name#en', { 'name#en': 42 }],
  ])('refuses claims without a valid %s', (missing, change) => {
    expect(verifiedIdentity({ ...claims, ...change })).toEqual({ missing });
  });
});

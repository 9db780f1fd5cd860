import { basisProblems } from './legal-basis';

describe('a legal basis', () => {
  it('is complete with Arabic and English texts and the instrument', () => {
    expect(basisProblems({ ar: 'نظام المرافعات الشرعية', en: 'Law of Procedure before Sharia Courts', reference: 'Article 187' })).toEqual(
      [],
    );
  });

  it('names what it lacks', () => {
    expect(basisProblems({ ar: 'Law', en: 'نظام', reference: ' ' })).toEqual([
      'ar is not Arabic text',
      'en is not English text',
      'reference is empty',
    ]);
  });
});

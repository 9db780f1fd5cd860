import { answer, newChallenge, SignInRequest, statusAt } from './number-match';

function request(shown = 42, options = [17, 42, 88]): SignInRequest {
  return { id: 'r', nationalId: '1010101010', challenge: { shown, options }, status: 'pending', expiresAt: 1000 };
}

describe('Nafath number matching', () => {
  it('offers three distinct two-digit numbers, the shown one among them', () => {
    for (let i = 0; i < 200; i++) {
      const c = newChallenge();
      expect(new Set(c.options).size).toBe(3);
      expect(c.options).toContain(c.shown);
      for (const n of c.options) expect(n >= 10 && n <= 99).toBe(true);
    }
  });

  it('draws again when a number repeats', () => {
    const draws = [5, 5, 6, 7, 1];
    const c = newChallenge(() => draws.shift()!);
    expect(c.options).toEqual([15, 16, 17]);
    expect(c.shown).toBe(16);
  });

  it('approves the shown number', () => {
    const r = request();
    expect(answer(r, 42, 0)).toBe('approved');
    expect(statusAt(r, 5000)).toBe('approved');
  });

  it('denies any other number, and a later right pick does not undo the denial', () => {
    const r = request();
    expect(answer(r, 17, 0)).toBe('denied');
    expect(answer(r, 42, 1)).toBe('denied');
  });

  it('expires an unanswered request, and then no pick approves it', () => {
    const r = request();
    expect(statusAt(r, 999)).toBe('pending');
    expect(statusAt(r, 1000)).toBe('expired');
    expect(answer(r, 42, 1000)).toBe('expired');
  });
});

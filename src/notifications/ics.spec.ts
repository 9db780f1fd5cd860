import { maskEmail, maskPhone } from '../core/text/address-mask';
import { buildIcs, icsFold, icsText, icsUtc } from './ics';

describe('ICS invitations', () => {
  const event = {
    method: 'REQUEST' as const,
    uid: 'hearing-1@adl',
    sequence: 2,
    stamp: new Date('2026-02-01T10:00:00.123Z'),
    startsAt: new Date('2026-03-01T06:30:00Z'),
    endsAt: new Date('2026-03-01T07:00:00Z'),
    summary: 'جلسة — Hearing; case 1447, RYD',
    description: 'line one\nline two',
    location: 'Room 4',
    organizer: { name: 'Adl', email: 'no-reply@adl.example' },
    attendee: { name: 'Sarah "S" Al-Otaibi', email: 'sarah@example.com' },
  };

  it('writes times in UTC without milliseconds', () => {
    expect(icsUtc(new Date('2026-03-01T06:30:00.999Z'))).toBe('20260301T063000Z');
  });

  it('escapes commas, semicolons, backslashes and newlines in text', () => {
    expect(icsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds at 75 octets without splitting an Arabic character', () => {
    const folded = icsFold(`SUMMARY:${'عدل'.repeat(30)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`SUMMARY:${'عدل'.repeat(30)}`);
  });

  it('builds a REQUEST with UTC start and end, organizer, attendee and CRLF lines', () => {
    const ics = buildIcs(event);
    expect(ics).toContain('METHOD:REQUEST\r\n');
    expect(ics).toContain('DTSTART:20260301T063000Z\r\n');
    expect(ics).toContain('DTEND:20260301T070000Z\r\n');
    expect(ics).toContain('SEQUENCE:2\r\n');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toContain('ORGANIZER;CN="Adl":mailto:no-reply@adl.example');
    expect(ics.replace(/\r\n /g, '')).toContain('ATTENDEE;CN="Sarah S Al-Otaibi";');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED', () => {
    const ics = buildIcs({ ...event, method: 'CANCEL', sequence: 3 });
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
  });
});

describe('address masking', () => {
  it('keeps the first letter and the domain of an email', () => {
    expect(maskEmail('sarah@example.com')).toBe('s*****@example.com');
  });

  it('keeps the country and network prefix and the last three digits of a phone', () => {
    expect(maskPhone('+966512345678')).toBe('+9665*****678');
  });
});

/**
 * The mail stand-in's delivery reports, as the worker reads them (src/notifications/mail-reports.ts):
 * what one writes the other understands, and the rules by domain.
 */
import { parseMailReport } from '../../../src/notifications/mail-reports';
import { buildDsn } from './dsn';
import { refusalAtRcpt, ruleFor } from './rules';

const base = {
  reportingMta: 'mail-stand-in.localhost',
  to: 'bounces@adl.test',
  envid: '0f5e8a5c-3c1d-4a53-9c3e-2f1b6a7d9e10',
  recipient: 'party@example.com',
  arrivalDate: new Date('2026-12-07T10:00:00Z'),
  lastAttemptDate: new Date('2026-12-07T10:00:07Z'),
  originalHeaders: 'Subject: =?UTF-8?B?2KXYtNi52KfYsQ==?=\r\nMessage-ID: <n@adl.test>',
  date: new Date('2026-12-07T10:00:09Z'),
};

describe('delivery status notifications', () => {
  it('reads a success report: the envelope id, the recipient, delivered, at its Last-Attempt-Date', async () => {
    const raw = buildDsn({ ...base, action: 'delivered', status: '2.0.0', diagnostic: '250 2.0.0 OK' });
    expect(await parseMailReport(raw)).toEqual({
      envelopeId: base.envid,
      recipients: [
        {
          recipient: 'party@example.com',
          action: 'delivered',
          status: '2.0.0',
          diagnostic: 'smtp; 250 2.0.0 OK',
          at: base.lastAttemptDate,
        },
      ],
    });
  });

  it('reads a failure report, and falls back to the Arrival-Date when the recipient has no Last-Attempt-Date', async () => {
    const raw = buildDsn({ ...base, action: 'failed', status: '5.2.1', diagnostic: '550 5.2.1 disabled' }).replace(
      /Last-Attempt-Date:[^\r]*\r\n/,
      '',
    );
    const report = await parseMailReport(raw);
    expect(report!.recipients).toEqual([expect.objectContaining({ action: 'failed', status: '5.2.1', at: base.arrivalDate })]);
  });

  it('finds no report in an ordinary message', async () => {
    expect(await parseMailReport('From: a@b.test\r\nTo: c@d.test\r\nSubject: hello\r\n\r\nJust a message.\r\n')).toBeNull();
  });

  it('decides by the recipient’s domain', () => {
    expect(ruleFor('x@nonexistent.test')).toBe('nonexistent');
    expect(refusalAtRcpt('x@nonexistent.test', true)).toMatchObject({ code: 550 });
    expect(refusalAtRcpt('x@unavailable.test', false)).toMatchObject({ code: 451 });
    expect(refusalAtRcpt('x@unavailable.test', true)).toBeNull();
    expect(refusalAtRcpt('x@bounce.test', false)).toBeNull();
    expect(ruleFor('X@Bounce.Test')).toBe('bounce');
    expect(ruleFor('party@example.com')).toBe('deliver');
  });
});

/**
 * The agenda as a subscribed calendar (RFC 5545, METHOD:PUBLISH): each scheduled hearing under
 * the UID of its invitations (one event per chain of postponements, hearing-notices.ts), so a
 * calendar that holds the invitation holds one event; each deadline as a moment with a reminder
 * the day before. Texts in Arabic, then English.
 */
import { icsFold, icsText, icsUtc } from '../../notifications';
import { AgendaHearing } from './agenda.models';
import type { AgendaRead, DeadlineEntry } from './agenda-parts';

const REMOTE = { ar: 'عن بُعد', en: 'remote' };

function hearingEvent(h: AgendaHearing, stamp: Date): string[] {
  const where =
    h.mode === 'REMOTE' ? `${REMOTE.ar} / ${REMOTE.en}` : [h.room, `${h.courtNameAr} / ${h.courtNameEn}`].filter(Boolean).join(' — ');
  return [
    'BEGIN:VEVENT',
    `UID:${h.calendarUid}`,
    `DTSTAMP:${icsUtc(stamp)}`,
    `DTSTART:${icsUtc(h.startsAt)}`,
    `DTEND:${icsUtc(h.endsAt)}`,
    `SUMMARY:${icsText(`جلسة الدعوى رقم ${h.caseNumber ?? ''} / Hearing, lawsuit ${h.caseNumber ?? ''}`)}`,
    `DESCRIPTION:${icsText(`${h.courtNameAr} — ${h.role.partyNameAr}\n${h.courtNameEn} — ${h.role.partyNameEn}`)}`,
    `LOCATION:${icsText(where)}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

function deadlineEvent(d: DeadlineEntry, stamp: Date): string[] {
  const title = `${d.titleAr} / ${d.titleEn}`;
  return [
    'BEGIN:VEVENT',
    `UID:deadline-${d.kind.toLowerCase()}-${d.subjectId}@adl`,
    `DTSTAMP:${icsUtc(stamp)}`,
    `DTSTART:${icsUtc(d.dueAt)}`,
    `SUMMARY:${icsText(title)}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-P1D',
    `DESCRIPTION:${icsText(title)}`,
    'END:VALARM',
    'END:VEVENT',
  ];
}

export function agendaIcs(agenda: AgendaRead): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Adl//Agenda//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText('عدل — جلساتي ومواعيدي / Adl — my hearings and deadlines')}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...agenda.hearings.flatMap((h) => hearingEvent(h, agenda.at)),
    ...agenda.deadlines.flatMap((d) => deadlineEvent(d, agenda.at)),
    'END:VCALENDAR',
  ];
  return `${lines.map(icsFold).join('\r\n')}\r\n`;
}

/** The words of a bill's notices, in both languages, from the bill and the messages of payments-messages.ts. */
import { type Param, render, type Text } from '../core/i18n/messages';
import type { Bill } from './bill.entity';

/** Halalas as riyals with two decimals and thousands separators: 125050 → "1,250.50". */
export function sar(halalas: number): string {
  return (halalas / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A day in Riyadh, as people read a due date: 2026-12-10. */
function day(at: Date): string {
  return at.toLocaleDateString('en-CA', { timeZone: 'Asia/Riyadh' });
}

/** A message of payments-messages.ts: its parameters are among those billFacts gives. */
export type Message = (params: never) => Text;

export function billFacts(bill: Bill, extra: Record<string, Param> = {}) {
  const params: Record<string, Param> = {
    number: bill.number,
    amount: sar(bill.amountHalalas),
    due: day(bill.dueAt),
    what: { ar: bill.descriptionAr, en: bill.descriptionEn },
    ...extra,
  };
  return {
    notice(title: Message, body: Message) {
      const t = (title as (p: Record<string, Param>) => Text)(params);
      const b = (body as (p: Record<string, Param>) => Text)(params);
      return { titleAr: render(t, 'ar'), titleEn: render(t, 'en'), bodyAr: render(b, 'ar'), bodyEn: render(b, 'en') };
    },
  };
}

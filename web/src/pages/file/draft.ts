/**
 * The filing in progress (docs/portal.md, "Filing a claim"): kept in this browser's localStorage
 * under the person's user id as they type, so that it survives a reload, and cleared once
 * submitted. A new claim is one draft; a returned filing being corrected is another, under its
 * lawsuit's id. What the draft says becomes the API's FileLawsuitInput here, and a returned
 * lawsuit becomes a draft here.
 */
import { useCallback, useState } from 'preact/hooks';
import type { FileLawsuitInput, FilingContentFragment, FilingField, LawsuitCategory, PartyKind, PartyInput } from '../../gql/graphql';

export interface PartyDraft {
  key: string;
  kind: PartyKind;
  /** National ID (a person) or registration number (an organization); masked when kept as filed. */
  number: string;
  nameAr: string;
  nameEn: string;
  /** A party of the returned filing kept as filed: the API reads its number from the filing. */
  partyId?: string;
}

export interface ClaimDraft {
  key: string;
  description: string;
  amount: string;
}

export interface FileDraft {
  attachmentId: string;
  fileName: string;
  sizeBytes: number;
}

export interface Draft {
  category: LawsuitCategory | '';
  routing: 'city' | 'court' | '';
  city: string;
  courtId: string;
  /** Claimants besides the person filing, who is always the first. */
  claimants: PartyDraft[];
  defendants: PartyDraft[];
  claims: ClaimDraft[];
  subject: string;
  facts: string;
  files: FileDraft[];
  /** The lawsuit once saved on the server (a DRAFT, or the RETURNED one being corrected), at its version. */
  lawsuitId?: string;
  version?: number;
  /** The input last saved there, so that only a changed draft is saved again. */
  saved?: string;
  /** What the clerk said when returning the filing. */
  returned?: { reason: string; fields: FilingField[] };
}

export interface Me {
  id: string;
  nationalId: string;
  nameAr: string;
  nameEn: string;
}

export const newKey = (): string => Math.random().toString(36).slice(2, 10);
export const emptyParty = (): PartyDraft => ({ key: newKey(), kind: 'PERSON', number: '', nameAr: '', nameEn: '' });
export const emptyClaim = (): ClaimDraft => ({ key: newKey(), description: '', amount: '' });

export function emptyDraft(): Draft {
  return {
    category: '',
    routing: '',
    city: '',
    courtId: '',
    claimants: [],
    defendants: [emptyParty()],
    claims: [emptyClaim()],
    subject: '',
    facts: '',
    files: [],
  };
}

/** Which draft: a new claim, or the correction of a returned lawsuit. */
export type DraftName = 'new' | { lawsuitId: string };
const storageKey = (userId: string, name: DraftName) => `adl-filing:${userId}:${name === 'new' ? 'new' : name.lawsuitId}`;

export function loadDraft(userId: string, name: DraftName): Draft | null {
  try {
    const raw = localStorage.getItem(storageKey(userId, name));
    return raw ? { ...emptyDraft(), ...(JSON.parse(raw) as Partial<Draft>) } : null;
  } catch {
    return null;
  }
}

export function saveDraft(userId: string, name: DraftName, draft: Draft): void {
  localStorage.setItem(storageKey(userId, name), JSON.stringify(draft));
}

export function clearDraft(userId: string, name: DraftName): void {
  localStorage.removeItem(storageKey(userId, name));
}

export type UpdateDraft = (change: Partial<Draft> | ((draft: Draft) => Partial<Draft>)) => void;

/** The draft, and a change that is saved at once (every keystroke: nothing typed is lost to a reload). */
export function useDraft(userId: string, name: DraftName, initial: () => Draft): [Draft, UpdateDraft, (next: Draft) => void] {
  const [draft, setDraft] = useState<Draft>(() => loadDraft(userId, name) ?? initial());
  const replace = useCallback(
    (next: Draft) => {
      saveDraft(userId, name, next);
      setDraft(next);
    },
    [userId, name],
  );
  const update = useCallback<UpdateDraft>(
    (change) =>
      setDraft((current) => {
        const next = { ...current, ...(typeof change === 'function' ? change(current) : change) };
        saveDraft(userId, name, next);
        return next;
      }),
    [userId, name],
  );
  return [draft, update, replace];
}

/** Digits as typed in Arabic (٠١٢…) or Persian, made Western; thousands separators and spaces dropped. */
export function westernDigits(value: string): string {
  return value
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s,\u066c]/g, '')
    .replace(/\u066b/g, '.');
}

/** An amount as typed, as a number; null when left empty, NaN when it is not a number. */
export function parseAmount(value: string): number | null {
  const plain = westernDigits(value);
  if (!plain) return null;
  return /^[0-9]+(\.[0-9]+)?$/.test(plain) ? Number(plain) : NaN;
}

function partyInput(p: PartyDraft): PartyInput {
  const names = { kind: p.kind, nameAr: p.nameAr.trim(), nameEn: p.nameEn.trim() };
  if (p.partyId) return { ...names, partyId: p.partyId };
  const number = westernDigits(p.number).toUpperCase();
  return p.kind === 'PERSON' ? { ...names, nationalId: number } : { ...names, organizationNumber: number };
}

/** The draft as the API takes it; the person filing is the first claimant. */
export function filingInput(draft: Draft, me: Me): FileLawsuitInput {
  return {
    category: draft.category as LawsuitCategory,
    ...(draft.routing === 'court' ? { courtId: draft.courtId } : { city: draft.city }),
    claimants: [{ kind: 'PERSON', nationalId: me.nationalId, nameAr: me.nameAr, nameEn: me.nameEn }, ...draft.claimants.map(partyInput)],
    defendants: draft.defendants.map(partyInput),
    claims: draft.claims.map((c) => ({ description: c.description.trim(), amount: parseAmount(c.amount) })),
    subject: draft.subject.trim(),
    facts: draft.facts.trim(),
    attachmentIds: draft.files.map((f) => f.attachmentId),
    sealed: false,
  };
}

/** A lawsuit as the API returns it to its filer (queries.ts). */
type LawsuitContent = FilingContentFragment;

/** The parties of a side as the API returns them, kept as filed (their numbers masked but for the filer's own). */
function keptParties(lawsuit: LawsuitContent, side: 'CLAIMANT' | 'DEFENDANT', me: Me): PartyDraft[] {
  return lawsuit.parties
    .filter((p) => p.side === side && p.nationalId !== me.nationalId)
    .map((p) => ({
      key: newKey(),
      kind: p.kind,
      number: p.nationalId ?? p.organizationNumber ?? '',
      nameAr: p.nameAr,
      nameEn: p.nameEn,
      partyId: p.id,
    }));
}

/** A returned (or saved) lawsuit as a draft to correct. */
export function draftFromLawsuit(lawsuit: LawsuitContent, me: Me): Draft {
  const draft: Draft = {
    category: lawsuit.category,
    routing: 'court',
    city: '',
    courtId: lawsuit.courtId,
    claimants: keptParties(lawsuit, 'CLAIMANT', me),
    defendants: keptParties(lawsuit, 'DEFENDANT', me),
    claims: lawsuit.claims.map((c) => ({
      key: newKey(),
      description: c.description,
      amount: c.amount === null || c.amount === undefined ? '' : String(c.amount),
    })),
    subject: lawsuit.subject,
    facts: lawsuit.facts,
    files: lawsuit.attachments.flatMap((a) =>
      a.attachmentId ? [{ attachmentId: a.attachmentId, fileName: a.fileName, sizeBytes: a.sizeBytes }] : [],
    ),
    lawsuitId: lawsuit.id,
    version: lawsuit.version,
    returned: lawsuit.returnReason ? { reason: lawsuit.returnReason, fields: lawsuit.returnFields } : undefined,
  };
  return { ...draft, saved: JSON.stringify(filingInput(draft, me)) };
}

/**
 * After a save, the parties kept as filed have new ids (a correction writes the parties anew): each
 * is found again on its side by its masked number and names.
 */
export function afterSave(draft: Draft, lawsuit: LawsuitContent, me: Me): Partial<Draft> {
  const rekey = (side: 'CLAIMANT' | 'DEFENDANT', parties: PartyDraft[]) => {
    const fresh = keptParties(lawsuit, side, me);
    return parties.map((p) => {
      if (!p.partyId) return p;
      const match = fresh.find((f) => f.number === p.number && f.nameAr === p.nameAr.trim() && f.nameEn === p.nameEn.trim());
      return match ? { ...p, partyId: match.partyId } : p;
    });
  };
  const next = { ...draft, claimants: rekey('CLAIMANT', draft.claimants), defendants: rekey('DEFENDANT', draft.defendants) };
  return { ...next, lawsuitId: lawsuit.id, version: lawsuit.version, saved: JSON.stringify(filingInput(next, me)) };
}

/**
 * What a document is about comes from a provider per kind, so that the documents module knows no
 * domain: a provider loads its subject inside the caller's transaction (its version, the template
 * data, the instrument whose read rules decide who sees the document) and reports the live state
 * of that instrument for verification ("revoked" even on an old PDF).
 *
 * Each wing registers the providers of its kinds from its own module, which the documents wing
 * does not import: litigation the lawsuit documents (receipt, summons, minutes, judgment,
 * execution order), notarization the power of attorney and the notarized contract. The data
 * shapes are in template-fixtures.ts.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../access/context/request-context';
import { BadUserInputError } from '../core/errors/domain-error';
import type { Text } from '../core/i18n/messages';
import { DocumentKind } from './document.enums';
import { DOCUMENTS } from './documents-messages';

export interface SubjectSnapshot {
  /** Version of the subject: part of the idempotency key (a new version, a new document). */
  version: number;
  /** The instrument whose read rules the document follows, e.g. the lawsuit of a summons. */
  instrument: { type: string; id: string };
  /** Exactly what the kind's templates read (strict: nothing missing). */
  data: Record<string, unknown>;
  /**
   * Set when the subject is not yet (or no longer) what the document would attest — a receipt for
   * a filing never submitted, minutes of a hearing never held: the request is refused with
   * INVALID_TRANSITION and these words, after the read check (a hidden subject is still not found).
   */
  refusal?: { machine: string; from: string; event: string; text: Text };
}

/** The live state of an instrument, for the verification page. */
export interface InstrumentStatus {
  /** False when the instrument no longer stands (revoked, withdrawn, overturned…): shown as a warning. */
  active: boolean;
  stateAr: string;
  stateEn: string;
  labelAr: string;
  labelEn: string;
  /** Its public reference (case number, POA number…). */
  reference: string;
}

export interface DocumentSubjectProvider {
  readonly kind: DocumentKind;
  /**
   * The subject inside the caller's transaction; null when it does not exist. `known`: what the
   * caller already read of it in this transaction (the provider's own type), so nothing is read twice.
   */
  load(tx: RequestContext, subjectId: string, known?: unknown): Promise<SubjectSnapshot | null>;
  /** May the context's actor read the instrument (and so its documents)? */
  canRead(ctx: RequestContext, instrumentId: string): Promise<boolean>;
  /** The instrument (and the subject) as they stand now, for anyone verifying a document (no personal data). */
  status(ctx: RequestContext, document: { subjectId: string; instrumentId: string }): Promise<InstrumentStatus>;
}

@Injectable()
export class DocumentSubjects {
  private readonly providers = new Map<DocumentKind, DocumentSubjectProvider>();

  register(provider: DocumentSubjectProvider): void {
    if (this.providers.has(provider.kind)) throw new Error(`Two document subject providers for ${provider.kind}`);
    this.providers.set(provider.kind, provider);
  }

  has(kind: DocumentKind): boolean {
    return this.providers.has(kind);
  }

  get(kind: DocumentKind): DocumentSubjectProvider {
    const provider = this.providers.get(kind);
    // Only when the module of a kind is not loaded (e.g. a process without it).
    if (!provider) throw BadUserInputError.field('input.kind', DOCUMENTS.kindNotHere({ kind }));
    return provider;
  }
}

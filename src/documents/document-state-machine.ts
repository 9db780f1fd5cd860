/** PENDING → READY (rendered, signed, stored) | FAILED (reason kept); a failed document may be requested again. */
import { Lifecycle } from '../core/lifecycle/lifecycle';
import { versionedStore } from '../core/lifecycle/versioned-store';
import { Document } from './document.entity';
import { DocumentState } from './document.enums';

export type DocumentEvent = 'complete' | 'fail' | 'retry';

export const documentMachine = new Lifecycle<DocumentState, DocumentEvent>({
  name: 'Document',
  nameAr: 'المستند',
  auditPrefix: 'document',
  description: 'A PDF document: rendered by the worker, signed and stored, or failed with its reason and requested again.',
  states: Object.values(DocumentState),
  initial: [DocumentState.PENDING],
  final: [DocumentState.READY],
  transitions: {
    complete: { from: [DocumentState.PENDING], to: DocumentState.READY, audit: 'document.ready', effects: ['the signed PDF stored'] },
    fail: { from: [DocumentState.PENDING], to: DocumentState.FAILED, audit: 'document.failed' },
    retry: { from: [DocumentState.FAILED], to: DocumentState.PENDING, audit: 'document.retried', effects: ['a render job'] },
  },
});

/** How the lifecycle engine writes and describes a document. */
export const documentStore = versionedStore<Document, DocumentState>(Document, 'Document', (d) => ({
  state: d.state,
  failureReason: d.failureReason,
  version: d.version,
}));

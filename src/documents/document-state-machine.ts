/** PENDING → READY (rendered, signed, stored) | FAILED (reason kept); a failed document may be requested again. */
import { Lifecycle } from '../core/lifecycle/lifecycle';
import { DocumentState } from './document.enums';

export type DocumentEvent = 'complete' | 'fail' | 'retry';

export const documentMachine = new Lifecycle<DocumentState, DocumentEvent>({
  name: 'Document',
  auditPrefix: 'document',
  description: 'A PDF document: rendered by the worker, signed and stored, or failed with its reason and requested again.',
  states: Object.values(DocumentState),
  initial: [DocumentState.PENDING],
  final: [DocumentState.READY],
  transitions: {
    complete: { from: [DocumentState.PENDING], to: DocumentState.READY },
    fail: { from: [DocumentState.PENDING], to: DocumentState.FAILED },
    retry: { from: [DocumentState.FAILED], to: DocumentState.PENDING },
  },
});

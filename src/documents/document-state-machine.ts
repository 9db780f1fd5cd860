/** PENDING → READY (rendered, signed, stored) | FAILED (reason kept); a failed document may be requested again. */
import { StateMachine } from '../core/state-machine/state-machine';
import { DocumentState } from './document.enums';

export type DocumentEvent = 'complete' | 'fail' | 'retry';

export const documentMachine = new StateMachine<DocumentState, DocumentEvent>('Document', {
  complete: { from: [DocumentState.PENDING], to: DocumentState.READY },
  fail: { from: [DocumentState.PENDING], to: DocumentState.FAILED },
  retry: { from: [DocumentState.FAILED], to: DocumentState.PENDING },
});

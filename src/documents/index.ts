/**
 * The documents wing's public surface: issuing a document inside the caller's transaction, the
 * kinds of documents, and the registry where each wing provides the subjects of its kinds.
 */
export { type DocumentSubjectProvider, DocumentSubjects, type InstrumentStatus, type SubjectSnapshot } from './document-subjects';
export { DocumentKind } from './document.enums';
export { DocumentsCoreModule } from './documents-core.module';
export { DOCUMENT_WORKER_PROVIDERS, DocumentsModule } from './documents.module';
export { DocumentsService } from './documents.service';
export { BrowserPool } from './browser-pool';
export { DOCUMENT_STORAGE, type DocumentStorage } from './document-storage';

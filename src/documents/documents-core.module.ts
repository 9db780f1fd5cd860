/**
 * What every module may use to issue documents inside its own transactions (DocumentsService.issue)
 * and what the API and the worker share: the registry of subject providers, storage, templates.
 * Global and free of domain imports, so that lawsuits, hearings and judgments can depend on it
 * while the documents module depends on them.
 */
import { Global, Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { DOCUMENT_STORAGE, LocalDocumentStorage, S3DocumentStorage } from './document-storage';
import { DocumentSubjects } from './document-subjects';
import { DocumentTemplates } from './document-templates';
import { DOCUMENT_TEMPLATES } from './document-renderer';
import { DocumentsService } from './documents.service';

const PROVIDERS = [
  DocumentSubjects,
  DocumentsService,
  {
    provide: DOCUMENT_STORAGE,
    inject: [ADL_CONFIG],
    useFactory: (config: AdlConfig) =>
      config.documents.s3 ? new S3DocumentStorage(config.documents.s3) : new LocalDocumentStorage(resolve(config.documents.dir)),
  },
  // Compiled once per process.
  { provide: DOCUMENT_TEMPLATES, useFactory: () => new DocumentTemplates() },
];

@Global()
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class DocumentsCoreModule {}

/**
 * What every module may use to issue documents inside its own transactions (DocumentsService.issue)
 * and what the API and the worker share: the registry of subject providers, storage, templates.
 * Global and free of domain imports, so that lawsuits, hearings and judgments can depend on it
 * while the documents module depends on them.
 */
import { Global, Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { DOCUMENT_STORAGE, DocumentStorage, LocalDocumentStorage } from './document-storage';
import type { S3DocumentStorage } from './s3-document-storage';
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
    useFactory: (config: AdlConfig): DocumentStorage => {
      if (!config.documents.s3) return new LocalDocumentStorage(resolve(config.documents.dir));
      // Required only when configured: the AWS SDK takes most of a second to load.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { S3DocumentStorage: S3 } = require('./s3-document-storage') as { S3DocumentStorage: typeof S3DocumentStorage };
      return new S3(config.documents.s3);
    },
  },
  // Compiled once per process.
  { provide: DOCUMENT_TEMPLATES, useFactory: () => new DocumentTemplates() },
];

@Global()
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class DocumentsCoreModule {}

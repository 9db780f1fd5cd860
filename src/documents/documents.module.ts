/** Documents: the GraphQL operations, and the PDF and verification routes. */
import { Module, Provider } from '@nestjs/common';
import { resolve } from 'node:path';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { DocumentRenderer, PDF_SIGNER } from './document-renderer';
import { DocumentsController } from './documents.controller';
import { DocumentsProcessor } from './documents.processor';
import { DocumentsResolver } from './documents.resolver';
import type { PdfSigner } from './pdf-signer';

@Module({
  providers: [DocumentsResolver],
  controllers: [DocumentsController],
})
export class DocumentsModule {}

/** The worker's renderer: the signing certificate is opened once, at start (a wrong password stops the worker). */
export const DOCUMENT_WORKER_PROVIDERS: Provider[] = [
  {
    provide: PDF_SIGNER,
    inject: [ADL_CONFIG],
    useFactory: (c: AdlConfig) => {
      // Required here, not imported at the top: the API never signs, and node-forge and @signpdf
      // take a noticeable time to load on every start.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { PdfSigner: Signer } = require('./pdf-signer') as { PdfSigner: typeof PdfSigner };
      return new Signer(resolve(c.documents.signingP12), c.documents.signingPassword);
    },
  },
  DocumentRenderer,
  DocumentsProcessor,
];

import { Global, Module } from '@nestjs/common';
import { AttachedFileResolver } from './attached-file.model';
import { AttachmentsService } from './attachments.service';
import { EvidenceController } from './evidence.controller';

/** Uploaded evidence: the upload and download routes, and attaching uploads to their subjects. */
@Global()
@Module({
  controllers: [EvidenceController],
  providers: [AttachmentsService, AttachedFileResolver],
  exports: [AttachmentsService],
})
export class EvidenceModule {}

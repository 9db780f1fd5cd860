/**
 * The evidence wing's public surface: attaching the caller's uploads to a subject inside the
 * caller's transaction, the module, and the worker's clean-up schedule.
 */
export { type AttachmentSubject, type AttachmentView, AttachmentsService } from './attachments.service';
export { AttachedFile } from './attached-file.model';
export { EvidenceModule } from './evidence.module';
export { UnattachedSweeper } from './unattached-sweeper';
export { AttachmentIds } from './attachment-ids';

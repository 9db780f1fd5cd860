/**
 * Every background job: its name, the queue it runs on and its payload (ids and small values
 * only, never personal data). Jobs are enqueued through the outbox (after commit) or by the
 * worker's schedules, with deterministic ids, so that a job is enqueued once per cause.
 */
import type { JobsOptions } from 'bullmq';

export const QUEUES = ['maintenance', 'notifications', 'documents'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  /** Re-computes the audit hash chain; the worker schedules it nightly. */
  'maintenance.verify-audit-chain': { reason: string };
  /** Delivers one notice through its recipient's channels (in-app, email, SMS). */
  'notifications.deliver': { notificationId: string };
  /** Sends a notice on the person's next channel after one failed for good, once (docs/notifications.md, "Fallback"). */
  'notifications.fallback': { notificationId: string };
  /** Makes final the judgments whose objection window passed unused; the worker schedules it. */
  'judgments.finalize-expired': Record<string, never>;
  /** Reminds each served party, once, a few days before their objection deadline; the worker schedules it. */
  'judgments.remind-objection-deadlines': Record<string, never>;
  /** Closes struck-off cases not resumed in time, and lapses waivers unanswered when the hearing came; the worker schedules it. */
  'litigation.sweep-lapsed': Record<string, never>;
  /** Persists expiry and lapse of powers of attorney, with audit and notices; the worker schedules it. */
  'notarization.sweep-powers-of-attorney': Record<string, never>;
  /** Sends one account code (a password-reset code, an activation link) to its person's phone or e-mail. */
  'identity.deliver-account-code': { codeId: string };
  /** Removes uploads never attached in time (evidence/attachments.service.ts); the worker schedules it. */
  'evidence.remove-unattached': Record<string, never>;
  /** Gives back money of a paid bill at the payment gateway (payments/payment-settlement.ts); from the outbox. */
  'payments.refund': { billId: string; halalas: number | null; reason: string; paymentId?: string };
  /** Asks the gateway about payment attempts whose webhook did not come in time; the worker schedules it. */
  'payments.check-open': Record<string, never>;
  /** Reconciles a UTC day's payments and refunds with the gateway's settlement report (default: yesterday); nightly. */
  'payments.reconcile': { day?: string };
  /** Expires unpaid bills past their due date; the worker schedules it. */
  'payments.expire-due': Record<string, never>;
  /** Renders, signs and stores one PENDING document (documents/document-renderer.ts). */
  'documents.render': { documentId: string };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'maintenance.verify-audit-chain': 'maintenance',
  'notifications.deliver': 'notifications',
  'notifications.fallback': 'notifications',
  'judgments.finalize-expired': 'maintenance',
  'judgments.remind-objection-deadlines': 'maintenance',
  'litigation.sweep-lapsed': 'maintenance',
  'notarization.sweep-powers-of-attorney': 'maintenance',
  'identity.deliver-account-code': 'notifications',
  'evidence.remove-unattached': 'maintenance',
  'payments.refund': 'maintenance',
  'payments.check-open': 'maintenance',
  'payments.expire-due': 'maintenance',
  'payments.reconcile': 'maintenance',
  'documents.render': 'documents',
};

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_QUEUE, name);
}

/** Retries with backoff; completed jobs are kept a day so a repeated jobId is recognised and skipped. */
export function jobOptions(jobId: string): JobsOptions {
  return {
    jobId,
    attempts: 5,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: { age: 14 * 24 * 3600 },
  };
}

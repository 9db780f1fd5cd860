/** A channel's refusal that no retry will mend (an SMTP 5xx, an SMS provider's 4xx): the attempt FAILED for good. */
export class PermanentSendError extends Error {}

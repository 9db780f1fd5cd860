/**
 * Nafath-style number matching (docs/identity.md): the sign-in page shows one number, the phone
 * app offers three, and only picking the shown one approves. A wrong pick denies the request at
 * once; an unanswered request expires.
 */
import { randomInt } from 'node:crypto';

export type RequestStatus = 'pending' | 'approved' | 'denied' | 'expired';

export interface NumberChallenge {
  /** The number the sign-in page shows. */
  shown: number;
  /** What the phone app offers, the shown number among them, in random order. */
  options: number[];
}

export interface SignInRequest {
  id: string;
  nationalId: string;
  challenge: NumberChallenge;
  status: Exclude<RequestStatus, 'expired'>;
  expiresAt: number;
}

/** Three distinct two-digit numbers, one of them shown. `pick(n)` is a uniform integer below n. */
export function newChallenge(pick: (n: number) => number = randomInt): NumberChallenge {
  const options: number[] = [];
  while (options.length < 3) {
    const n = 10 + pick(90);
    if (!options.includes(n)) options.push(n);
  }
  return { shown: options[pick(3)], options };
}

/** The status as of `now`: a pending request past its time has expired. */
export function statusAt(request: SignInRequest, now: number): RequestStatus {
  return request.status === 'pending' && now >= request.expiresAt ? 'expired' : request.status;
}

/** The person's pick in the app: the shown number approves, any other denies; only a pending request moves. */
export function answer(request: SignInRequest, picked: number, now: number): RequestStatus {
  const status = statusAt(request, now);
  if (status !== 'pending') return status;
  request.status = picked === request.challenge.shown ? 'approved' : 'denied';
  return request.status;
}

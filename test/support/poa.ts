/**
 * What the power-of-attorney specs share, so that each of them, run alone, works from the same
 * ground: the outcomes the access tables expect.
 */

/** What an attempt comes to in the access tables: done, or the code of the error that refused it. */
export type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'POWER_OF_ATTORNEY_INACTIVE';

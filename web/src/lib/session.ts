/**
 * The signed-in session of this tab (docs/portal.md, "Sessions"): the access token in memory and
 * the one-time refresh token in sessionStorage (gone with the tab; the strict
 * Content-Security-Policy keeps foreign scripts out). When the access token nears its end it is
 * refreshed; when the session itself has ended, `whenSignedInAgain()` waits for the person to sign
 * in again in a dialog over the page, which keeps everything they typed, and the request goes on.
 */
import { useSyncExternalStore } from 'preact/compat';

export interface AuthPayload {
  accessToken: string;
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
  user: { id: string; nationalId: string; nameAr: string; nameEn: string; roles: string[] };
}

export type SessionState =
  { status: 'anonymous' } | { status: 'signedIn'; auth: AuthPayload } | { status: 'expired'; nationalId: string; auth: AuthPayload };

const KEY = 'adl-session';
let state: SessionState = load();
const listeners = new Set<() => void>();
let waiting: ((ok: boolean) => void)[] = [];

function load(): SessionState {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return { status: 'anonymous' };
    const auth = JSON.parse(raw) as AuthPayload;
    return new Date(auth.refreshExpiresAt).getTime() > Date.now() ? { status: 'signedIn', auth } : { status: 'anonymous' };
  } catch {
    return { status: 'anonymous' };
  }
}

function set(next: SessionState): void {
  state = next;
  if (next.status === 'signedIn') sessionStorage.setItem(KEY, JSON.stringify(next.auth));
  if (next.status === 'anonymous') sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export const session = {
  get: (): SessionState => state,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  token(): string | null {
    return state.status === 'signedIn' ? state.auth.accessToken : null;
  },
  signedIn(auth: AuthPayload): void {
    set({ status: 'signedIn', auth });
    waiting.forEach((resolve) => resolve(true));
    waiting = [];
  },
  /** The session ended under the person's feet: ask them to sign in again, keeping the page. */
  expired(): void {
    if (state.status === 'signedIn') set({ status: 'expired', nationalId: state.auth.user.nationalId, auth: state.auth });
  },
  signedOut(): void {
    set({ status: 'anonymous' });
    waiting.forEach((resolve) => resolve(false));
    waiting = [];
  },
  whenSignedInAgain(): Promise<boolean> {
    return new Promise((resolve) => waiting.push(resolve));
  },
};

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get);
}

/**
 * What the server tells the portal in its page (meta tags written when it serves index.html):
 * whether the national single sign-on is configured. And the one check of a return path.
 */
export interface PortalSettings {
  nationalSignIn: boolean;
}

export function portalSettings(): PortalSettings {
  return { nationalSignIn: document.querySelector('meta[name="adl-national-sign-in"]')?.getAttribute('content') === 'on' };
}

/** A path on this site only (never `//host` or a full URL), or null. */
export function safeReturnTo(value: string | null | undefined): string | null {
  return value && /^\/(?![/\\])/.test(value) ? value : null;
}

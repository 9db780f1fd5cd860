/**
 * What the server tells the portal in its page (meta tags written when it serves index.html):
 * whether the national single sign-on is configured, and in development the demo citizen. And the one check of a return path.
 */
export interface PortalSettings {
  nationalSignIn: boolean;
  /** In development only: the seed's demo citizen, to sign in as. */
  demo: { nationalId: string; password: string } | null;
}

const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';

export function portalSettings(): PortalSettings {
  const [nationalId, password] = meta('adl-demo-sign-in').split(' ');
  return { nationalSignIn: meta('adl-national-sign-in') === 'on', demo: nationalId && password ? { nationalId, password } : null };
}

/** A path on this site only (never `//host` or a full URL), or null. */
export function safeReturnTo(value: string | null | undefined): string | null {
  return value && /^\/(?![/\\])/.test(value) ? value : null;
}

/**
 * The API's signed links (docs/evidence.md, "Signed links") as paths on this site: the portal is
 * served on the API's own origin, so a link works whatever public address the API names.
 */
export function onThisSite(link: string): string {
  const url = new URL(link, window.location.origin);
  return `${url.pathname}${url.search}`;
}

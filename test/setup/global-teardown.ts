/** Once per run, after the end-to-end files: stops the national identity provider stand-in. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { nationalIdpStandIn?: { stop(): Promise<void> } }).nationalIdpStandIn?.stop();
}

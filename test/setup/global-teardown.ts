/** Once per run, after the test files of a tier: stops the stand-in services (stand-ins.ts) and the shared browser. */
import { stopSharedBrowser } from './shared-browser';
import { stopStandIns } from './stand-ins';

export default async function globalTeardown(): Promise<void> {
  await Promise.all([stopStandIns(), stopSharedBrowser()]);
}

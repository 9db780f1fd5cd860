/** Once per run, after the test files of a tier: stops the stand-in services (stand-ins.ts). */
import { stopStandIns } from './stand-ins';

export default async function globalTeardown(): Promise<void> {
  await stopStandIns();
}

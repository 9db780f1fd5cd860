/** An end-to-end file runs against its worker slot's database and Redis prefix (test-env.ts, e2eSlotEnv). */
import { e2eSlotEnv, testEnv } from './test-env';

Object.assign(process.env, e2eSlotEnv(testEnv(), Number(process.env.JEST_WORKER_ID || 1)));

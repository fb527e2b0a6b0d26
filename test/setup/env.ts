import { TEST_ENV } from './test-env';

// Runs in every test worker before the test file. QUEUE_PREFIX comes from the global setup, so
// each run has its own BullMQ namespace in the shared Redis.
Object.assign(process.env, TEST_ENV);

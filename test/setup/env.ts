import { testEnv } from './test-env';

// Runs in every test worker before the test file (after the global setup chose the database).
Object.assign(process.env, testEnv());

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApiApp } from '../../src/bootstrap/api-app';
import { TEST_ENV } from '../setup/test-env';

export interface TestApi {
  app: NestFastifyApplication;
  http: TestAgent;
  adminToken: string;
  close(): Promise<void>;
}

/** The real API (same bootstrap as production) on the test database and Redis. */
export async function startApi(): Promise<TestApi> {
  const app = await createApiApp();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = request(app.getHttpServer());
  const adminToken = await login(http, TEST_ENV.BOOTSTRAP_ADMIN_EMAIL, TEST_ENV.BOOTSTRAP_ADMIN_PASSWORD);
  return { app, http, adminToken, close: () => app.close() };
}

export async function login(http: TestAgent, email: string, password: string): Promise<string> {
  const res = await http.post('/api/v1/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Unique-enough values so parallel test files never collide on unique columns. */
export function uniq(): string {
  return randomBytes(4).toString('hex');
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export function randomBrin(): string {
  return Array.from(randomBytes(4), (b) => ALNUM[b % ALNUM.length]).join('');
}

export function randomKvk(): string {
  return String(10_000_000 + (randomBytes(4).readUInt32BE() % 89_999_999));
}

export interface Tenant {
  universityId: string;
  coordinatorToken: string;
  coordinatorEmail: string;
}

/** A university of its own with a coordinator, so tests isolate without shared fixtures. */
export async function createTenant(api: TestApi): Promise<Tenant> {
  const uni = await api.http
    .post('/api/v1/universities')
    .set(bearer(api.adminToken))
    .send({ name: `Hogeschool ${uniq()}`, brinCode: randomBrin() });
  if (uni.status !== 201) throw new Error(`create university: ${uni.status} ${JSON.stringify(uni.body)}`);
  const coordinatorEmail = `coord-${uniq()}@test.local`;
  const password = 'coordinator-password';
  const user = await api.http
    .post('/api/v1/users')
    .set(bearer(api.adminToken))
    .send({ email: coordinatorEmail, name: 'Coordinator', password, role: 'coordinator', universityId: uni.body.id });
  if (user.status !== 201) throw new Error(`create coordinator: ${user.status} ${JSON.stringify(user.body)}`);
  return {
    universityId: uni.body.id,
    coordinatorEmail,
    coordinatorToken: await login(api.http, coordinatorEmail, password),
  };
}

/** Creates a user with the given role and scope and logs in as them. */
export async function userToken(
  api: TestApi,
  creatorToken: string,
  body: { role: string; universityId?: string; companyId?: string; foundationId?: string; studentId?: string },
): Promise<string> {
  const email = `${body.role}-${uniq()}@test.local`;
  const password = 'a-long-test-password';
  const res = await api.http
    .post('/api/v1/users')
    .set(bearer(creatorToken))
    .send({ email, name: `Test ${body.role}`, password, ...body });
  if (res.status !== 201) throw new Error(`create ${body.role}: ${res.status} ${JSON.stringify(res.body)}`);
  return login(api.http, email, password);
}

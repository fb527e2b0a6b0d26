import 'reflect-metadata';
import { newId } from '@app/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AppConfig } from '../config/app-config';
import { loadAppConfig } from '../config/app-config';
import { dataSourceOptions } from '../config/data-source';
import { Company } from '../directory/companies/company.entity';
import { Supervisor } from '../directory/companies/supervisor.entity';
import { FoundationMember } from '../directory/foundations/foundation-member.entity';
import { Foundation } from '../directory/foundations/foundation.entity';
import { Programme } from '../directory/programmes/programme.entity';
import { Route } from '../directory/routes/route.entity';
import { SectorAssociation } from '../directory/sector-associations/sector-association.entity';
import { University } from '../directory/universities/university.entity';
import { User } from '../identity/entities/user.entity';
import { hashPassword } from '../identity/passwords';
import { Student } from '../students/entities/student.entity';
import { buildDemoData, DEMO_EMAILS, DEMO_PASSWORD, DemoData } from './demo-data';
import { seedDemoWorldStandalone } from './demo-world';
import { migrate } from './migrate';

export { DEMO_EMAILS, DEMO_PASSWORD } from './demo-data';

/** Serialises concurrent seeders (two instances starting at once) inside the transaction. */
const SEED_LOCK_KEY = 734202;
const CHUNK = 500;

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
  scope: string;
}

export interface SeedResult {
  seeded: boolean;
  counts: Record<string, number>;
  logins: DemoLogin[];
}

async function insertAll<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(i, i + CHUNK))
      .updateEntity(false)
      .execute();
  }
}

async function insertData(manager: EntityManager, data: DemoData): Promise<void> {
  await insertAll(manager, University, data.universities);
  await insertAll(manager, SectorAssociation, data.sectorAssociations);
  await insertAll(manager, Programme, data.programmes);
  await insertAll(
    manager,
    Route,
    data.routes.map(({ sectorAssociationIds: _ids, ...route }) => route),
  );
  const routeLinks = data.routes.flatMap((r) =>
    r.sectorAssociationIds.map((sectorAssociationId) => ({
      route_id: r.id,
      sector_association_id: sectorAssociationId,
    })),
  );
  await manager
    .createQueryBuilder()
    .insert()
    .into('route_sector_associations', ['route_id', 'sector_association_id'])
    .values(routeLinks)
    .execute();
  await insertAll(manager, Company, data.companies);
  await insertAll(manager, Supervisor, data.supervisors);
  const { memberCompanyIds, ...foundation } = data.foundation;
  await insertAll(manager, Foundation, [foundation]);
  await insertAll(
    manager,
    FoundationMember,
    memberCompanyIds.map((companyId) => ({ foundationId: foundation.id, companyId })),
  );
  await insertAll(manager, Student, data.students);
  const users = [];
  for (const { scope: _scope, ...user } of data.users) {
    users.push({ ...user, passwordHash: await hashPassword(DEMO_PASSWORD) });
  }
  await insertAll(manager, User, users);
}

function loginsOf(data: Pick<DemoData, 'users'>): DemoLogin[] {
  return data.users.map((u) => ({
    role: u.role,
    email: u.email,
    password: DEMO_PASSWORD,
    scope: u.scope,
  }));
}

/**
 * Loads the demo data set in one transaction, unless the database already holds a university
 * (then nothing is written and `seeded` is false). Safe to call from several processes at once.
 */
export async function seedDemo(dataSource: DataSource): Promise<SeedResult> {
  return dataSource.transaction(async (manager): Promise<SeedResult> => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const existing = await manager.getRepository(University).count();
    if (existing > 0) return { seeded: false, counts: {}, logins: [] };
    const data = buildDemoData({ makeId: newId });
    await insertData(manager, data);
    return {
      seeded: true,
      counts: {
        universities: data.universities.length,
        programmes: data.programmes.length,
        routes: data.routes.length,
        sectorAssociations: data.sectorAssociations.length,
        companies: data.companies.length,
        supervisors: data.supervisors.length,
        foundations: 1,
        foundationMembers: data.foundation.memberCompanyIds.length,
        students: data.students.length,
        users: data.users.length,
      },
      logins: loginsOf(data),
    };
  });
}

/** The demo logins as they exist in the database now (when the demo data was loaded earlier). */
async function existingDemoLogins(dataSource: DataSource): Promise<DemoLogin[]> {
  const rows: { role: string; email: string; scope: string | null }[] = await dataSource.query(
    `SELECT u.role, u.email,
            COALESCE(un.name || ' (' || un.brin_code || ')', f.name, c.name, s.first_name || ' ' || s.last_name) AS scope
       FROM users u
       LEFT JOIN universities un ON un.id = u.university_id AND u.role = 'coordinator'
       LEFT JOIN foundations f ON f.id = u.foundation_id
       LEFT JOIN companies c ON c.id = u.company_id
       LEFT JOIN students s ON s.id = u.student_id
      WHERE u.email = ANY($1)
      ORDER BY array_position($1, u.email)`,
    [Object.values(DEMO_EMAILS)],
  );
  return rows.map((r) => ({
    role: r.role,
    email: r.email,
    password: DEMO_PASSWORD,
    scope: r.scope ?? '',
  }));
}

/** A compact table of the logins, the admin from BOOTSTRAP_ADMIN_* first. */
export function formatLogins(
  config: Pick<AppConfig, 'bootstrapAdminEmail' | 'bootstrapAdminPassword' | 'nodeEnv'>,
  logins: DemoLogin[],
): string {
  const admin: DemoLogin = {
    role: 'admin',
    email: config.bootstrapAdminEmail ?? '(BOOTSTRAP_ADMIN_EMAIL not set)',
    // In production the admin password is a real secret: never print it.
    password:
      config.nodeEnv === 'production'
        ? '(BOOTSTRAP_ADMIN_PASSWORD)'
        : (config.bootstrapAdminPassword ?? '(not set)'),
    scope: 'everything',
  };
  const rows = [admin, ...logins].map((l) => [l.role, l.email, l.password, l.scope]);
  const header = ['role', 'email', 'password', 'scope'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
  const line = (cells: string[]) =>
    '  ' +
    cells
      .map((c, i) => c + ' '.repeat(widths[i] - [...c].length))
      .join('  ')
      .trimEnd();
  return [
    'Demo logins (POST /api/v1/auth/login { email, password }):',
    line(header),
    ...rows.map(line),
  ].join('\n');
}

/**
 * `npm start` and `npm run seed:demo`: loads the demo data when no university exists yet.
 * `npm start` prints the logins itself (`printLogins: false`), once the API and worker run.
 */
export async function seedDemoIfEmpty(
  config: AppConfig,
  { printLogins = true }: { printLogins?: boolean } = {},
): Promise<SeedResult> {
  const options = dataSourceOptions(config.databaseUrl);
  const dataSource = new DataSource({ ...options, extra: { max: 2 } } as typeof options);
  await dataSource.initialize();
  try {
    const result = await seedDemo(dataSource);
    if (result.seeded) {
      const c = result.counts;
      console.log(
        `Demo data loaded: ${c.universities} universities, ${c.programmes} programmes, ${c.routes} routes, ` +
          `${c.companies} companies, ${c.supervisors} supervisors, 1 foundation (${c.foundationMembers} members), ` +
          `${c.students} students.`,
      );
      const world = await seedDemoWorldStandalone(config.databaseUrl);
      if (world) {
        console.log(
          `Demo world: ${world.vacancies} vacancies (foundation and company), ${world.seeking} students seeking, ` +
            `${world.placements} placements through the foundation (one seconded and re-seconded, its amendment drafted; ` +
            `one on the bench), ${world.agreements} agreements (the placed student's fully signed: the worker seals it; ` +
            `one awaiting signatures; two drafts), matching run ${world.matchingRunId} (the worker computes its proposals).`,
        );
        const o = world.outcomes;
        console.log(
          `Demo reports: ${o.agreements} more agreements over cohorts 2025 and 2026 (${o.closed} completed or terminated), ` +
            `${o.meetings} progress meetings, visits and assessments, ${o.guidanceWeeks} guidance weeks ` +
            `(subsidy evidence: GET /reports/subsidy?academicYear=2025).`,
        );
      }
      if (printLogins) console.log(formatLogins(config, result.logins));
      return result;
    }
    const logins = await existingDemoLogins(dataSource);
    if (logins.length) {
      console.log('Demo data already loaded.');
      if (printLogins) console.log(formatLogins(config, logins));
    } else {
      console.log('The database already holds data: demo data not loaded.');
    }
    return { ...result, logins };
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  (async () => {
    const config = loadAppConfig();
    const applied = await migrate(config.databaseUrl);
    if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
    // DEMO_DATA=false is honoured here too, so a deployment can run this as its set-up step.
    if (config.demoData) await seedDemoIfEmpty(config);
    else console.log('DEMO_DATA=false: demo data not loaded.');
  })().catch((error) => {
    console.error('Loading the demo data failed:', error);
    process.exit(1);
  });
}

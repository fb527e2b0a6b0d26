import {
  ACADEMIC_CALENDAR_2026_2027,
  FAMILY_NAMES,
  Field,
  FIELDS,
  FIRST_NAMES,
  INTAKE,
  INTAKE_PROFILE,
  OFFERED,
  OTHER_FAMILY_NAMES,
  PHASES,
  ProgrammeKey,
  PROGRAMMES,
  Region,
  SECTOR_ASSOCIATIONS,
  TOWNS,
  UNIVERSITIES,
  UniversitySpec,
} from './demo-reference';
import { capitalise, digits, dutchPostcode, emailSlug, Rng, round6 } from './demo-random';
import {
  DEMO_EMAILS,
  DemoCompany,
  DemoData,
  DemoFoundation,
  DemoOptions,
  DemoProgramme,
  DemoRoute,
  DemoStudent,
  DemoSupervisor,
  DemoUniversity,
  DemoUser,
} from './demo-types';

export { DEMO_EMAILS, DEMO_PASSWORD } from './demo-types';
export type { DemoData } from './demo-types';

/**
 * The demo data set as plain records, from a pure seeded generator: the same seed gives the same
 * data. Ids come from `makeId` (UUIDv7 when seeding; a counter in tests). No BSN anywhere.
 */

/** Mostly SMEs (< 250), a few larger employers. */
function employeeCount(rng: Rng): number {
  const [min, max] = rng.weighted<[number, number]>([
    [[4, 49], 50],
    [[50, 199], 35],
    [[200, 249], 9],
    [[250, 900], 6],
  ]);
  return rng.int(min, max);
}

interface Built<T, X> {
  row: T;
  extra: X;
}

function buildDirectory(makeId: () => string) {
  const universities = UNIVERSITIES.map((spec) => ({
    row: { id: makeId(), name: spec.name, brinCode: spec.brinCode, city: spec.city },
    extra: spec,
  }));
  const associations = SECTOR_ASSOCIATIONS.map(({ fields, ...a }) => ({
    row: { id: makeId(), ...a },
    extra: fields,
  }));
  const programmes: Built<DemoProgramme, ProgrammeKey>[] = [];
  const routes: DemoRoute[] = [];
  for (const uni of universities) {
    OFFERED[uni.extra.key].forEach((key, index) => {
      const spec = PROGRAMMES[key];
      const associate = spec.degree === 'associate';
      const programme: DemoProgramme = {
        id: makeId(),
        universityId: uni.row.id,
        name: spec.name,
        crohoCode: spec.crohoCode,
        degree: spec.degree,
        level: associate ? 5 : 6,
        nominalYears: associate ? 2 : 4,
        crohoSector: spec.crohoSector,
        academicCalendar: ACADEMIC_CALENDAR_2026_2027.map((q) => ({ ...q })),
      };
      programmes.push({ row: programme, extra: key });
      const fields: Field[] = spec.fields;
      routes.push({
        id: makeId(),
        universityId: uni.row.id,
        programmeId: programme.id,
        name: `Mkb-route ${spec.name}`,
        phase: PHASES[index % PHASES.length],
        sectorAssociationIds: associations
          .filter((a) => a.extra.some((f) => fields.includes(f)))
          .map((a) => a.row.id),
      });
    });
  }
  return { universities, associations, programmes, routes };
}

function buildSupervisors(rng: Rng, makeId: () => string, company: DemoCompany): DemoSupervisor[] {
  const domain = `${emailSlug(company.name.replace(/\s*(B\.V\.|& Zn\.)/g, ''))}.nl`;
  const supervisors: DemoSupervisor[] = [];
  const count = rng.chance(0.4) ? 2 : 1;
  for (let s = 0; s < count; s++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(FAMILY_NAMES);
    const email = `${emailSlug(first, last)}@${domain}`;
    if (supervisors.some((x) => x.email === email)) continue;
    supervisors.push({
      id: makeId(),
      companyId: company.id,
      name: `${first} ${last}`,
      email,
      hoursPerWeek: rng.int(4, 16) / 2,
      trained: rng.chance(0.55),
    });
  }
  return supervisors;
}

function buildCompanies(rng: Rng, makeId: () => string, kvkNumbers: Set<string>) {
  const companies: Built<DemoCompany, { field: Field; region: Region }>[] = [];
  const supervisors: DemoSupervisor[] = [];
  const names = new Set<string>();
  for (const [field, spec] of Object.entries(FIELDS) as [Field, (typeof FIELDS)[Field]][]) {
    for (let i = 0; i < spec.count; i++) {
      const [template, sbiCode] = rng.pick(spec.templates);
      const name = rng.unique(names, () =>
        template.replace('{S}', capitalise(rng.pick(FAMILY_NAMES))),
      );
      const region = rng.weighted(spec.regions);
      const town = rng.pick(TOWNS.filter((t) => t.region === region));
      const company: DemoCompany = {
        id: makeId(),
        name,
        kvkNumber: rng.unique(kvkNumbers, () => digits(rng, 8)),
        sbiCode,
        employeeCount: employeeCount(rng),
        postcode: dutchPostcode(rng, town.postcode),
        city: town.name,
        latitude: round6(town.lat + (rng.next() - 0.5) * 0.03),
        longitude: round6(town.lon + (rng.next() - 0.5) * 0.03),
      };
      companies.push({ row: company, extra: { field, region } });
      supervisors.push(...buildSupervisors(rng, makeId, company));
    }
  }
  return { companies, supervisors };
}

function buildStudents(
  rng: Rng,
  makeId: () => string,
  count: number,
  universities: Built<DemoUniversity, UniversitySpec>[],
  programmes: Built<DemoProgramme, ProgrammeKey>[],
): DemoStudent[] {
  const students: DemoStudent[] = [];
  const numbers = new Set<string>();
  const externalIds = new Set<string>();
  const emails = new Set<string>();
  const weights = programmes.map((p) => [p.row, PROGRAMMES[p.extra].weight] as const);
  const specOf = new Map(universities.map((u) => [u.row.id, u.extra]));
  for (let i = 0; i < count; i++) {
    // The first student studies at the first university: the demo student login.
    const programme = i === 0 ? programmes[0].row : rng.weighted(weights);
    const uni = specOf.get(programme.universityId)!;
    const intakeGroup = rng.weighted(INTAKE);
    const profile = INTAKE_PROFILE[intakeGroup];
    const cohort = rng.chance(0.45) ? 2025 : 2026;
    const firstName = rng.pick(FIRST_NAMES);
    const lastName = rng.chance(0.8) ? rng.pick(FAMILY_NAMES) : rng.pick(OTHER_FAMILY_NAMES);
    const age = rng.int(profile.age[0], profile.age[1]);
    const workedBefore = rng.chance(profile.workedBefore);
    const local = emailSlug(firstName, lastName);
    let email = `${local}@${uni.mail}`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@${uni.mail}`;
    emails.add(email);
    const month = String(rng.int(1, 12)).padStart(2, '0');
    const day = String(rng.int(1, 28)).padStart(2, '0');
    students.push({
      id: makeId(),
      universityId: programme.universityId,
      programmeId: programme.id,
      studentNumber: rng.unique(numbers, () => `${uni.numberPrefix}${digits(rng, 6)}`),
      externalId: rng.unique(externalIds, () => `OSIRIS-${digits(rng, 6)}`),
      firstName,
      lastName,
      email,
      intakeGroup,
      priorEducation: rng.weighted(profile.prior),
      cohort,
      dateOfBirth: `${cohort - age}-${month}-${day}`,
      workedForEmployerBefore: workedBefore,
      monthsWithEmployerBefore: workedBefore ? rng.int(profile.months[0], profile.months[1]) : null,
    });
  }
  return students;
}

function buildUsers(
  makeId: () => string,
  university: DemoUniversity,
  foundation: DemoFoundation,
  company: DemoCompany,
  student: DemoStudent,
): DemoUser[] {
  const none = { universityId: null, foundationId: null, companyId: null, studentId: null };
  const studentName = `${student.firstName} ${student.lastName}`;
  return [
    {
      ...none,
      id: makeId(),
      email: DEMO_EMAILS.coordinator,
      name: 'Marieke van Dongen',
      role: 'coordinator',
      universityId: university.id,
      scope: `${university.name} (${university.brinCode})`,
    },
    {
      ...none,
      id: makeId(),
      email: DEMO_EMAILS.foundation_staff,
      name: 'Joost Verhagen',
      role: 'foundation_staff',
      foundationId: foundation.id,
      scope: foundation.name,
    },
    {
      ...none,
      id: makeId(),
      email: DEMO_EMAILS.company_rep,
      name: 'Annemiek Claessens',
      role: 'company_rep',
      companyId: company.id,
      scope: `${company.name} (member of ${foundation.name})`,
    },
    {
      ...none,
      id: makeId(),
      email: DEMO_EMAILS.student,
      name: studentName,
      role: 'student',
      universityId: student.universityId,
      studentId: student.id,
      scope: `${studentName} (${student.studentNumber}, ${university.name})`,
    },
  ];
}

/** Ten Noord-Brabant companies: six builders, two installers, two metalworkers (or more builders). */
function pickMembers(
  companies: Built<DemoCompany, { field: Field; region: Region }>[],
): DemoCompany[] {
  const left: Partial<Record<Field, number>> = { construction: 6, installation: 2, metal: 2 };
  const local = companies.filter(
    (c) => c.extra.region === 'Noord-Brabant' && c.extra.field in left,
  );
  const chosen: typeof local = [];
  for (const c of local) {
    const remaining = left[c.extra.field] ?? 0;
    if (remaining > 0) {
      left[c.extra.field] = remaining - 1;
      chosen.push(c);
    }
  }
  for (const c of local) if (chosen.length < 10 && !chosen.includes(c)) chosen.push(c);
  return chosen.slice(0, 10).map((c) => c.row);
}

/** The whole demo data set; deterministic for a given seed and id generator. */
export function buildDemoData(options: DemoOptions): DemoData {
  const rng = new Rng(options.seed ?? 20262027);
  const { makeId } = options;
  const { universities, associations, programmes, routes } = buildDirectory(makeId);
  const kvkNumbers = new Set<string>();
  const { companies, supervisors } = buildCompanies(rng, makeId, kvkNumbers);

  // A regional foundation in Noord-Brabant with ten member companies from the technical trades.
  const members = pickMembers(companies);
  const foundation: DemoFoundation = {
    id: makeId(),
    name: 'Stichting Bouwtalent Zuid',
    kvkNumber: rng.unique(kvkNumbers, () => digits(rng, 8)),
    region: 'Noord-Brabant',
    memberCompanyIds: members.map((c) => c.id),
  };
  const students = buildStudents(rng, makeId, options.students ?? 300, universities, programmes);
  const users = buildUsers(
    makeId,
    universities[0].row,
    foundation,
    members[0] ?? companies[0].row,
    students[0],
  );
  return {
    universities: universities.map((u) => u.row),
    programmes: programmes.map((p) => p.row),
    sectorAssociations: associations.map((a) => a.row),
    routes,
    companies: companies.map((c) => c.row),
    supervisors,
    foundation,
    students,
    users,
  };
}

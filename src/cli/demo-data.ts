import type {
  AcademicQuarter,
  CrohoSector,
  Degree,
} from '../directory/programmes/programme.entity';
import type { RoutePhase } from '../directory/routes/route.entity';
import type { IntakeGroup, PriorEducation } from '../students/entities/student.entity';
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

/**
 * The demo data set as plain records, from a pure seeded generator: the same seed gives the same
 * data. Ids come from `makeId` (UUIDv7 when seeding; a counter in tests). No BSN anywhere.
 */

/** mulberry32: a small seeded PRNG, good enough for demo data. Never Math.random. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** Draws until the value is not in `used`, then records it there. */
  unique<T>(used: Set<T>, draw: () => T): T {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const value = draw();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
    throw new Error('Could not draw a unique value: the value space is too small');
  }
}

export interface DemoUniversity {
  id: string;
  name: string;
  brinCode: string;
  city: string;
}
export interface DemoProgramme {
  id: string;
  universityId: string;
  name: string;
  crohoCode: string;
  degree: Degree;
  level: number;
  nominalYears: number;
  crohoSector: CrohoSector;
  academicCalendar: AcademicQuarter[];
}
export interface DemoSectorAssociation {
  id: string;
  name: string;
  sector: string;
  website: string;
}
export interface DemoRoute {
  id: string;
  universityId: string;
  programmeId: string;
  name: string;
  phase: RoutePhase;
  sectorAssociationIds: string[];
}
export interface DemoCompany {
  id: string;
  name: string;
  kvkNumber: string;
  sbiCode: string;
  employeeCount: number;
  postcode: string;
  city: string;
  latitude: number;
  longitude: number;
}
export interface DemoSupervisor {
  id: string;
  companyId: string;
  name: string;
  email: string;
  hoursPerWeek: number;
  trained: boolean;
}
export interface DemoFoundation {
  id: string;
  name: string;
  kvkNumber: string;
  region: string;
  memberCompanyIds: string[];
}
export interface DemoStudent {
  id: string;
  universityId: string;
  programmeId: string;
  studentNumber: string;
  externalId: string;
  firstName: string;
  lastName: string;
  email: string;
  intakeGroup: IntakeGroup;
  priorEducation: PriorEducation;
  cohort: number;
  dateOfBirth: string;
  workedForEmployerBefore: boolean;
  monthsWithEmployerBefore: number | null;
}
export type DemoRole = 'coordinator' | 'foundation_staff' | 'company_rep' | 'student';
export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: DemoRole;
  universityId: string | null;
  foundationId: string | null;
  companyId: string | null;
  studentId: string | null;
  /** Human-readable scope, for the printed table of logins. */
  scope: string;
}

export interface DemoData {
  universities: DemoUniversity[];
  programmes: DemoProgramme[];
  sectorAssociations: DemoSectorAssociation[];
  routes: DemoRoute[];
  companies: DemoCompany[];
  supervisors: DemoSupervisor[];
  foundation: DemoFoundation;
  students: DemoStudent[];
  users: DemoUser[];
}

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_EMAILS: Record<DemoRole, string> = {
  coordinator: 'coordinator@demo.local',
  foundation_staff: 'foundation@demo.local',
  company_rep: 'company@demo.local',
  student: 'student@demo.local',
};

export interface DemoOptions {
  makeId: () => string;
  seed?: number;
  students?: number;
}

/** ASCII e-mail local part: ("IJsbrand", "van den Berg") → "ijsbrand.vandenberg". */
export function emailSlug(...parts: string[]): string {
  const special: Record<string, string> = {
    ł: 'l',
    Ł: 'l',
    ø: 'o',
    Ø: 'o',
    ı: 'i',
    ß: 'ss',
    æ: 'ae',
    đ: 'd',
  };
  return parts
    .map((part) =>
      part
        .replace(/[łŁøØıßæđ]/g, (c) => special[c])
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, ''),
    )
    .join('.');
}

/** A family name at the start of a company name is capitalised: "Van den Berg Bouw B.V.". */
function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** n digits, the first not zero. */
function digits(rng: Rng, n: number): string {
  let out = String(rng.int(1, 9));
  while (out.length < n) out += String(rng.int(0, 9));
  return out;
}

function dutchPostcode(rng: Rng, prefix: string): string {
  const letters = [...'ABCEGHJKLMNPRSTVWXZ'];
  for (;;) {
    const pair = rng.pick(letters) + rng.pick(letters);
    if (!['SA', 'SD', 'SS'].includes(pair)) return `${prefix} ${pair}`; // pairs PostNL does not use
  }
}

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

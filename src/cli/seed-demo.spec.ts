import { BRIN_OR_RIO, CROHO, KVK, POSTCODE, SBI } from '../directory/identifiers';
import { programmeRuleErrors } from '../directory/programmes/programme-rules';
import { INTAKE_GROUPS, PRIOR_EDUCATION } from '../students/entities/student.entity';
import { studentRuleErrors } from '../students/student-rules';
import { buildDemoData, DEMO_EMAILS, DemoData } from './demo-data';
import { emailSlug, Rng } from './demo-random';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SeekingDto } from '../matching/dto/vacancy.dto';
import { DEMO_VACANCIES, demoSeeking, DemoVacancyKey } from './demo-matching';
import { formatLogins } from './seed-demo';
import { guidanceWeekErrors } from '../placements/guidance-rules';
import { PutGuidanceWeeksDto } from '../placements/dto/guidance.dto';
import { demoGuidanceWeeks } from './demo-monitoring';
import { DEMO_OUTCOME_CASES, pickStudents } from './demo-outcomes';

function counterIds(): () => string {
  let n = 0;
  return () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
}

describe('Rng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('keeps int() within its bounds and reaches both ends', () => {
    const rng = new Rng(7);
    const values = new Set(Array.from({ length: 2000 }, () => rng.int(2, 8)));
    expect([...values].sort()).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('emailSlug', () => {
  it('makes ASCII local parts from names with diacritics and particles', () => {
    expect(emailSlug('IJsbrand', 'van den Berg')).toBe('ijsbrand.vandenberg');
    expect(emailSlug('Łukasz', 'Wiśniewski')).toBe('lukasz.wisniewski');
    expect(emailSlug('Zoë', 'Çelik')).toBe('zoe.celik');
    expect(emailSlug('Søren', 'Yılmaz')).toBe('soren.yilmaz');
  });
});

describe('buildDemoData', () => {
  let data: DemoData;
  beforeAll(() => {
    data = buildDemoData({ makeId: counterIds() });
  });

  it('is deterministic for a seed and changes with the seed', () => {
    expect(buildDemoData({ makeId: counterIds() })).toEqual(data);
    const other = buildDemoData({ makeId: counterIds(), seed: 1 });
    expect(other.students.map((s) => s.studentNumber)).not.toEqual(
      data.students.map((s) => s.studentNumber),
    );
  });

  it('has universities of applied sciences with BRIN codes', () => {
    expect(data.universities.length).toBeGreaterThanOrEqual(3);
    for (const u of data.universities) expect(u.brinCode).toMatch(/^[0-9A-Z]{4}$/);
    for (const u of data.universities) expect(u.brinCode).toMatch(BRIN_OR_RIO);
    expect(new Set(data.universities.map((u) => u.brinCode)).size).toBe(data.universities.length);
  });

  it('has Ad and Bachelor programmes with valid CROHO codes and a 4-quarter calendar', () => {
    const degrees = new Set(data.programmes.map((p) => p.degree));
    expect(degrees).toEqual(new Set(['associate', 'bachelor']));
    for (const p of data.programmes) {
      expect(p.crohoCode).toMatch(CROHO);
      expect(programmeRuleErrors(p)).toEqual([]);
      expect(p.academicCalendar).toHaveLength(4);
    }
    const keys = data.programmes.map((p) => `${p.universityId}/${p.crohoCode}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has routes in every phase, each with sector associations', () => {
    expect(new Set(data.routes.map((r) => r.phase))).toEqual(
      new Set(['running', 'pilot', 'in_development']),
    );
    const associationIds = new Set(data.sectorAssociations.map((a) => a.id));
    for (const r of data.routes) {
      expect(r.sectorAssociationIds.length).toBeGreaterThan(0);
      for (const id of r.sectorAssociationIds) expect(associationIds.has(id)).toBe(true);
    }
    expect(data.sectorAssociations.map((a) => a.name)).toEqual(
      expect.arrayContaining(['Bouwend Nederland', 'Koninklijke Metaalunie', 'evofenedex']),
    );
  });

  it('has about 50 companies, mostly SMEs, with valid identifiers and locations in the Netherlands', () => {
    expect(data.companies).toHaveLength(50);
    expect(new Set(data.companies.map((c) => c.kvkNumber)).size).toBe(50);
    for (const c of data.companies) {
      expect(c.kvkNumber).toMatch(KVK);
      expect(c.sbiCode).toMatch(SBI);
      expect(c.postcode).toMatch(POSTCODE);
      expect(c.latitude).toBeGreaterThan(50.7);
      expect(c.latitude).toBeLessThan(53.6);
      expect(c.longitude).toBeGreaterThan(3.3);
      expect(c.longitude).toBeLessThan(7.3);
    }
    const large = data.companies.filter((c) => c.employeeCount >= 250).length;
    expect(large).toBeGreaterThanOrEqual(2);
    expect(large).toBeLessThanOrEqual(8);
    for (const sbi of ['4120', '4941', '6201', '3011', '5210', '4321']) {
      expect(data.companies.some((c) => c.sbiCode === sbi)).toBe(true);
    }
  });

  it('gives every company one or two supervisors with 2-8 coaching hours, trained or not', () => {
    for (const c of data.companies) {
      const count = data.supervisors.filter((s) => s.companyId === c.id).length;
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(2);
    }
    for (const s of data.supervisors) {
      expect(s.hoursPerWeek).toBeGreaterThanOrEqual(2);
      expect(s.hoursPerWeek).toBeLessThanOrEqual(8);
    }
    expect(new Set(data.supervisors.map((s) => s.trained))).toEqual(new Set([true, false]));
  });

  it('has a regional foundation with ten member companies', () => {
    expect(data.foundation.kvkNumber).toMatch(KVK);
    expect(data.companies.some((c) => c.kvkNumber === data.foundation.kvkNumber)).toBe(false);
    expect(new Set(data.foundation.memberCompanyIds).size).toBe(10);
  });

  it('has about 300 varied students, unique per university, and never a BSN', () => {
    const { students } = data;
    expect(students).toHaveLength(300);
    expect(new Set(students.map((s) => s.intakeGroup))).toEqual(new Set(INTAKE_GROUPS));
    expect(new Set(students.map((s) => s.priorEducation))).toEqual(new Set(PRIOR_EDUCATION));
    expect(new Set(students.map((s) => s.cohort))).toEqual(new Set([2025, 2026]));
    expect(new Set(students.map((s) => s.programmeId)).size).toBe(data.programmes.length);
    const numbers = students.map((s) => `${s.universityId}/${s.studentNumber}`);
    expect(new Set(numbers).size).toBe(students.length);
    expect(new Set(students.map((s) => s.externalId)).size).toBe(students.length);
    for (const s of students) {
      expect(s.externalId).toMatch(/^OSIRIS-\d{6}$/);
      expect(s.email).toMatch(/^[a-z0-9.]+@[a-z.]+$/);
      expect(studentRuleErrors(s, '2026-09-01')).toEqual([]);
    }
    const names = students.map((s) => `${s.firstName} ${s.lastName}`).join(' ');
    expect(names).toMatch(/[^\x20-\x7e]/); // diacritics: Zoë, Łukasz, Çelik, ...
    expect(students.some((s) => s.workedForEmployerBefore && s.monthsWithEmployerBefore! > 0)).toBe(
      true,
    );
    expect(JSON.stringify(data)).not.toMatch(/bsn/i);
  });

  it('has one demo user per role, scoped to the first university, the foundation and a member', () => {
    expect(data.users.map((u) => u.email).sort()).toEqual(Object.values(DEMO_EMAILS).sort());
    const byRole = Object.fromEntries(data.users.map((u) => [u.role, u]));
    expect(byRole.coordinator.universityId).toBe(data.universities[0].id);
    expect(byRole.foundation_staff.foundationId).toBe(data.foundation.id);
    expect(data.foundation.memberCompanyIds).toContain(byRole.company_rep.companyId);
    const student = data.students.find((s) => s.id === byRole.student.studentId)!;
    expect(student.universityId).toBe(data.universities[0].id);
    expect(byRole.student.universityId).toBe(student.universityId);
  });
});

describe('the demo matching world', () => {
  const ids = Object.fromEntries(
    DEMO_VACANCIES.map((v, i) => [
      v.key,
      `00000000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`,
    ]),
  ) as Record<DemoVacancyKey, string>;

  it('offers vacancies of the foundation (one host still open) and of the demo company', () => {
    const foundation = DEMO_VACANCIES.filter((v) => v.by === 'foundation');
    expect(foundation.length).toBeGreaterThanOrEqual(3);
    expect(foundation.filter((v) => v.host === null)).toHaveLength(1);
    expect(DEMO_VACANCIES.filter((v) => v.by === 'company').length).toBeGreaterThanOrEqual(1);
    expect(new Set(DEMO_VACANCIES.map((v) => v.key)).size).toBe(DEMO_VACANCIES.length);
  });

  it('has every seeking student state a valid, deterministic search', () => {
    const searches = Array.from({ length: 10 }, (_, i) => demoSeeking(i, ids));
    expect(Array.from({ length: 10 }, (_, i) => demoSeeking(i, ids))).toEqual(searches);
    for (const search of searches) {
      const errors = validateSync(plainToInstance(SeekingDto, search), {
        whitelist: true,
        forbidNonWhitelisted: true,
      });
      expect(errors).toEqual([]);
      for (const id of search.preferences) expect(Object.values(ids)).toContain(id);
    }
    expect(new Set(searches.map((s) => s.postcode)).size).toBeGreaterThan(3);
    expect(searches.some((s) => s.preferences.length > 0)).toBe(true);
  });
});

describe('the demo reports world', () => {
  it('covers two cohorts with graduates on time and late, dropouts who stay and leave, and running routes', () => {
    const closes = DEMO_OUTCOME_CASES.map((c) => c.close);
    expect(new Set(DEMO_OUTCOME_CASES.map((c) => c.cohort))).toEqual(new Set([2025, 2026]));
    expect(new Set(DEMO_OUTCOME_CASES.map((c) => c.key)).size).toBe(DEMO_OUTCOME_CASES.length);
    const outcomes = closes.flatMap((c) => (c && 'complete' in c ? [c.complete.outcome] : []));
    expect(new Set(outcomes)).toEqual(new Set(['graduated_on_time', 'graduated_with_delay']));
    const dropouts = closes.flatMap((c) => (c && 'terminate' in c ? [c.terminate] : []));
    expect(new Set(dropouts.map((d) => d.employmentContinued))).toEqual(new Set([true, false]));
    expect(closes.filter((c) => c === null).length).toBeGreaterThanOrEqual(3);
  });

  it('draws each case a student of its cohort and sector kind, never one twice', () => {
    const row = (id: string, cohort: number, subsidySector: boolean) => ({
      id,
      cohort,
      subsidySector,
      nominalYears: 4,
      name: id,
      email: `${id}@x.nl`,
    });
    const rows = [
      ...Array.from({ length: 8 }, (_, i) => row(`a${i}`, 2025, true)),
      row('b', 2025, false),
      ...Array.from({ length: 3 }, (_, i) => row(`c${i}`, 2026, true)),
    ];
    const picked = pickStudents(DEMO_OUTCOME_CASES, rows)!;
    expect(new Set(picked.map((p) => p.id)).size).toBe(DEMO_OUTCOME_CASES.length);
    DEMO_OUTCOME_CASES.forEach((c, i) => {
      expect(picked[i].cohort).toBe(c.cohort);
      expect(picked[i].subsidySector).toBe(c.subsidySector);
    });
    expect(pickStudents(DEMO_OUTCOME_CASES, rows.slice(0, 8))).toBeNull();
  });

  it('logs a valid, deterministic year of guidance weeks: mostly guided, holidays and some illness', () => {
    const year = (seed: number) => demoGuidanceWeeks(new Rng(seed), '2025-09-01', '2026-08-24');
    const weeks = year(20250901);
    expect(year(20250901)).toEqual(weeks);
    expect(weeks).toHaveLength(52);
    expect(guidanceWeekErrors(weeks, { startDate: '2025-09-01', endDate: '2029-08-31' })).toEqual(
      [],
    );
    const dto = plainToInstance(PutGuidanceWeeksDto, { weeks });
    expect(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
    const reasons = weeks.map((w) => w.absenceReason ?? 'guided');
    expect(reasons.filter((r) => r === 'guided').length).toBeGreaterThan(42);
    expect(reasons.filter((r) => r === 'holiday')).toHaveLength(5);
  });
});

describe('formatLogins', () => {
  const logins = [
    { role: 'coordinator', email: 'coordinator@demo.local', password: 'pw', scope: 'Avans' },
  ];

  it('prints the admin from the configuration first, then the demo logins in columns', () => {
    const text = formatLogins(
      {
        bootstrapAdminEmail: 'admin@x.local',
        bootstrapAdminPassword: 'secret-password',
        nodeEnv: 'development',
      },
      logins,
    );
    const lines = text.split('\n');
    expect(lines[2]).toMatch(/^ {2}admin +admin@x\.local +secret-password +everything$/);
    expect(lines[3]).toMatch(/^ {2}coordinator +coordinator@demo\.local +pw +Avans$/);
    expect(lines[2].indexOf('admin@x')).toBe(lines[3].indexOf('coordinator@'));
  });

  it('never prints the admin password in production', () => {
    const text = formatLogins(
      {
        bootstrapAdminEmail: 'admin@x.local',
        bootstrapAdminPassword: 'secret-password',
        nodeEnv: 'production',
      },
      logins,
    );
    expect(text).not.toContain('secret-password');
  });
});

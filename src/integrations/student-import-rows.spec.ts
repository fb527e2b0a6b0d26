import { studentRuleErrors } from '../students/student-rules';
import {
  ExistingStudent,
  IMPORT_MAX_ROWS,
  planImport,
  sameStudent,
  StudentImportRow,
  stripBsn,
  validateRows,
} from './student-import-rows';

const PROGRAMME = '0190f3a0-0000-7000-8000-000000000001';
const OTHER_PROGRAMME = '0190f3a0-0000-7000-8000-000000000002';
const TODAY = '2026-03-15';

function raw(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    externalId: 'SIS-1',
    programmeId: PROGRAMME,
    studentNumber: '1000001',
    firstName: 'Sanne',
    lastName: 'de Vries',
    email: 'Sanne.deVries@Example.nl',
    intakeGroup: 'mbo4_graduate',
    priorEducation: 'mbo4',
    cohort: 2025,
    ...overrides,
  };
}

function normalised(overrides: Partial<StudentImportRow> = {}): StudentImportRow {
  return {
    externalId: 'SIS-1',
    programmeId: PROGRAMME,
    studentNumber: '1000001',
    firstName: 'Sanne',
    lastName: 'de Vries',
    email: 'sanne.devries@example.nl',
    intakeGroup: 'mbo4_graduate',
    priorEducation: 'mbo4',
    cohort: 2025,
    dateOfBirth: null,
    workedForEmployerBefore: false,
    monthsWithEmployerBefore: null,
    ...overrides,
  };
}

function existing(overrides: Partial<ExistingStudent> = {}): ExistingStudent {
  const { externalId, ...rest } = normalised();
  return { id: 'stored-1', externalId, ...rest, ...overrides };
}

const validate = (rows: unknown[]) => validateRows(rows, { today: TODAY });
const plan = (rows: unknown[], stored: ExistingStudent[] = [], programmes = [PROGRAMME]) =>
  planImport(validate(rows), { programmeIds: new Set(programmes), existing: stored });

describe('stripBsn', () => {
  it('drops bsn and burgerservicenummer in any case and keeps the rest', () => {
    const row = { bsn: '123456782', BurgerServiceNummer: '1', BSN: '2', externalId: 'x' };
    expect(stripBsn(row)).toEqual({ externalId: 'x' });
  });

  it('returns the row itself when there is nothing to drop, and leaves look-alikes', () => {
    const row = { externalId: 'x', bsnNumber: 'kept', mybsn: 'kept' };
    expect(stripBsn(row)).toBe(row);
  });

  it('passes non-objects through', () => {
    expect(stripBsn(null)).toBeNull();
    expect(stripBsn('text')).toBe('text');
  });
});

describe('validateRows', () => {
  it('normalises a valid row: trims, lower-cases the email and the programme id, applies defaults', () => {
    const result = validate([
      raw({ firstName: '  Sanne ', programmeId: PROGRAMME.toUpperCase(), externalId: 42 }),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.valid).toEqual([{ index: 0, row: normalised({ externalId: '42' }) }]);
  });

  it('accepts the optional fields', () => {
    const result = validate([
      raw({
        dateOfBirth: '2004-02-29',
        workedForEmployerBefore: true,
        monthsWithEmployerBefore: 18,
      }),
    ]);
    expect(result.valid[0].row).toMatchObject({
      dateOfBirth: '2004-02-29',
      workedForEmployerBefore: true,
      monthsWithEmployerBefore: 18,
    });
  });

  it('reports every missing required field of a row', () => {
    const result = validate([{}]);
    expect(result.valid).toEqual([]);
    expect([...result.rejected]).toEqual([0]);
    expect(result.errors.map((e) => e.field).sort()).toEqual(
      [
        'cohort',
        'email',
        'externalId',
        'firstName',
        'intakeGroup',
        'lastName',
        'priorEducation',
        'programmeId',
        'studentNumber',
      ].sort(),
    );
    expect(result.errors.every((e) => e.index === 0 && e.message === 'is required')).toBe(true);
  });

  it.each([
    ['email', 'not-an-email', 'must be a valid email address'],
    ['programmeId', 'abc', 'must be a UUID'],
    ['intakeGroup', 'astronaut', 'must be one of'],
    ['priorEducation', 'phd', 'must be one of'],
    ['cohort', 1999, 'must be a year from 2000 to 2028'],
    ['cohort', 2029, 'must be a year from 2000 to 2028'],
    ['cohort', '2025', 'must be a year'],
    ['cohort', 2025.5, 'must be a year'],
    ['dateOfBirth', '2004-02-30', 'is not a calendar date'],
    ['dateOfBirth', '15-03-2004', 'must be a date (YYYY-MM-DD)'],
    ['dateOfBirth', '2027-01-01', 'must be in the past'],
    ['dateOfBirth', TODAY, 'must be in the past'],
    ['dateOfBirth', '1899-12-31', 'must not be before 1900-01-01'],
    ['studentNumber', 'has space', 'may contain only'],
    ['externalId', 'x'.repeat(101), 'at most 100'],
    ['email', 'a@b', 'must be a valid email address'],
    ['workedForEmployerBefore', 'yes', 'must be true or false'],
    ['monthsWithEmployerBefore', -1, 'must be from 0 to 600'],
    ['monthsWithEmployerBefore', 1.5, 'whole number'],
    ['firstName', 'x'.repeat(101), 'at most 100'],
    ['studentNumber', { n: 1 }, 'must be a string'],
  ])('rejects %s = %j', (field, value, message) => {
    const result = validate([raw({ [field]: value })]);
    expect(result.valid).toEqual([]);
    expect(result.errors).toEqual([{ index: 0, field, message: expect.stringContaining(message) }]);
  });

  it('refuses months with the employer (even 0) when the student did not work there before', () => {
    expect(validate([raw({ monthsWithEmployerBefore: 6 })]).errors).toHaveLength(1);
    const result = validate([raw({ monthsWithEmployerBefore: 0, workedForEmployerBefore: false })]);
    expect(result.errors).toEqual([
      {
        index: 0,
        field: 'monthsWithEmployerBefore',
        message: expect.stringContaining('workedForEmployerBefore'),
      },
    ]);
  });

  it.each([
    ['a date of birth today', TODAY, null],
    ['a date of birth to come', '2030-01-01', null],
    ['a date of birth before 1900', '1899-12-31', null],
    ['months without having worked there, born before 1900', '1850-06-01', 0],
  ])('refuses %s exactly as the students API does (the same rule)', (_what, born, months) => {
    const fields = { dateOfBirth: born, monthsWithEmployerBefore: months };
    const student = { workedForEmployerBefore: false, ...fields };
    const api = studentRuleErrors(student, TODAY);
    expect(api.length).toBeGreaterThan(0);
    expect(validate([raw(fields)]).errors).toEqual(api.map((e) => ({ index: 0, ...e })));
  });

  it('reports unknown fields (universityId with its own reason) but silently ignores a BSN', () => {
    const result = validate([raw({ nickname: 'S', universityId: PROGRAMME, bsn: '123456782' })]);
    expect(result.errors).toEqual([
      { index: 0, field: 'nickname', message: 'is not a known field' },
      { index: 0, field: 'universityId', message: expect.stringContaining('must not be given') },
    ]);
  });

  it('rejects a row that is not an object', () => {
    const result = validate([raw(), 'text', null, []]);
    expect(result.valid).toHaveLength(1);
    expect(result.errors).toEqual([
      { index: 1, field: 'row', message: 'must be an object' },
      { index: 2, field: 'row', message: 'must be an object' },
      { index: 3, field: 'row', message: 'must be an object' },
    ]);
  });

  it('rejects later rows that repeat an externalId, even when the first one is invalid', () => {
    const result = validate([
      raw({ externalId: 'A', email: 'bad' }),
      raw({ externalId: 'A', studentNumber: '2' }),
      raw({ externalId: 'B', studentNumber: '3' }),
      raw({ externalId: ' A ', studentNumber: '4' }),
    ]);
    expect(result.valid.map((v) => v.index)).toEqual([2]);
    expect(result.errors).toEqual([
      { index: 0, field: 'email', message: 'must be a valid email address' },
      {
        index: 1,
        field: 'externalId',
        message: 'duplicates the externalId of row 0 in this batch',
      },
      {
        index: 3,
        field: 'externalId',
        message: 'duplicates the externalId of row 0 in this batch',
      },
    ]);
  });

  // How fast is a figure of `npm run bench:import`, not an assertion here.
  it(`accepts a full batch of ${IMPORT_MAX_ROWS} valid rows`, () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS }, (_, i) =>
      raw({
        externalId: `SIS-${i}`,
        studentNumber: String(1_000_000 + i),
        dateOfBirth: '2003-05-01',
      }),
    );
    const result = validate(rows);
    expect(result.errors).toEqual([]);
    expect(result.valid).toHaveLength(IMPORT_MAX_ROWS);
    expect(result.valid[IMPORT_MAX_ROWS - 1]).toEqual({
      index: IMPORT_MAX_ROWS - 1,
      row: normalised({
        externalId: `SIS-${IMPORT_MAX_ROWS - 1}`,
        studentNumber: String(1_000_000 + IMPORT_MAX_ROWS - 1),
        dateOfBirth: '2003-05-01',
      }),
    });
  });
});

describe('planImport', () => {
  it('inserts rows whose externalId is new', () => {
    const result = plan([raw()]);
    expect(result).toMatchObject({ unchanged: 0, rejected: 0, updates: [], errors: [] });
    expect(result.inserts).toEqual([normalised()]);
  });

  it('counts a row equal to the stored student as unchanged', () => {
    const result = plan([raw()], [existing()]);
    expect(result).toMatchObject({ inserts: [], updates: [], unchanged: 1, rejected: 0 });
  });

  it('updates a stored student whose fields differ, by its id', () => {
    const result = plan(
      [raw({ lastName: 'Jansen', programmeId: OTHER_PROGRAMME })],
      [existing()],
      [PROGRAMME, OTHER_PROGRAMME],
    );
    expect(result.updates).toEqual([
      { id: 'stored-1', row: normalised({ lastName: 'Jansen', programmeId: OTHER_PROGRAMME }) },
    ]);
    expect(result.unchanged).toBe(0);
  });

  it('rejects a programme of another university', () => {
    const result = plan([raw({ programmeId: OTHER_PROGRAMME })]);
    expect(result.inserts).toEqual([]);
    expect(result.rejected).toBe(1);
    expect(result.errors).toEqual([
      { index: 0, field: 'programmeId', message: 'is not a programme of this university' },
    ]);
  });

  it('rejects a student number held by another stored student, with or without an externalId', () => {
    const result = plan(
      [
        raw({ externalId: 'NEW-1', studentNumber: '500' }),
        raw({ externalId: 'NEW-2', studentNumber: '600' }),
      ],
      [
        existing({ id: 's-500', externalId: 'OTHER', studentNumber: '500' }),
        existing({ id: 's-600', externalId: null, studentNumber: '600' }),
      ],
    );
    expect(result.inserts).toEqual([]);
    expect(result.rejected).toBe(2);
    expect(result.errors).toEqual([
      {
        index: 0,
        field: 'studentNumber',
        message: expect.stringContaining('already used by another student'),
      },
      {
        index: 1,
        field: 'studentNumber',
        message: expect.stringContaining('already used by another student'),
      },
    ]);
  });

  it('lets a student keep or change its own number and rejects a second row claiming the same number', () => {
    const result = plan(
      [
        raw({ externalId: 'SIS-1', studentNumber: '700' }),
        raw({ externalId: 'SIS-2', studentNumber: '700' }),
        raw({ externalId: 'SIS-3', studentNumber: '800' }),
      ],
      [
        existing({ externalId: 'SIS-1', studentNumber: '699' }),
        existing({ id: 's3', externalId: 'SIS-3', studentNumber: '800' }),
      ],
    );
    expect(result.updates.map((u) => u.row.studentNumber)).toEqual(['700']);
    expect(result.unchanged).toBe(1);
    expect(result.errors).toEqual([
      {
        index: 1,
        field: 'studentNumber',
        message: 'student number 700 is also used by row 0 in this batch',
      },
    ]);
  });

  it('does not let a rejected row claim a student number', () => {
    const result = plan([
      raw({ externalId: 'A', studentNumber: '9', programmeId: OTHER_PROGRAMME }),
      raw({ externalId: 'B', studentNumber: '9' }),
    ]);
    expect(result.inserts.map((r) => r.externalId)).toEqual(['B']);
    expect(result.rejected).toBe(1);
  });

  it('merges validation and plan errors in row order and counts rows, not errors', () => {
    const result = plan([
      raw({ externalId: 'A', studentNumber: '1', programmeId: OTHER_PROGRAMME }),
      raw({ externalId: 'B', studentNumber: '2', email: 'x', cohort: 3 }),
      raw({ externalId: 'C', studentNumber: '3' }),
      raw({ externalId: 'D', studentNumber: '3' }),
    ]);
    expect(result.errors.map((e) => [e.index, e.field])).toEqual([
      [0, 'programmeId'],
      [1, 'email'],
      [1, 'cohort'],
      [3, 'studentNumber'],
    ]);
    expect(result.rejected).toBe(3);
    expect(result.inserts.map((r) => r.externalId)).toEqual(['C']);
  });

  it('is idempotent: planning the inserted rows against themselves yields all unchanged', () => {
    const rows = Array.from({ length: 50 }, (_, i) =>
      raw({ externalId: `X${i}`, studentNumber: `N${i}` }),
    );
    const first = plan(rows);
    const stored = first.inserts.map((row, i) => ({ ...row, id: `id-${i}` }));
    const second = plan(rows, stored);
    expect(second).toMatchObject({ inserts: [], updates: [], unchanged: 50, rejected: 0 });
  });
});

describe('sameStudent', () => {
  it('compares every imported field, including nullable ones', () => {
    const base = existing();
    expect(sameStudent(base, normalised())).toBe(true);
    expect(sameStudent(base, normalised({ dateOfBirth: '2000-01-01' }))).toBe(false);
    expect(sameStudent(base, normalised({ monthsWithEmployerBefore: 0 }))).toBe(false);
    expect(sameStudent(base, normalised({ cohort: 2024 }))).toBe(false);
  });
});

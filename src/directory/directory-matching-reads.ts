import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** What matching needs of a programme: its university (tenancy) and nominal years (agreement length). */
export interface ProgrammeFacts {
  universityId: string;
  nominalYears: number;
}

/** A company's coordinates, when it has them. */
export interface CompanyLocation {
  latitude: number | null;
  longitude: number | null;
}

/**
 * The directory's reads for matching (vacancies, runs, acceptance): existence and membership
 * checks, a cohort's programmes, supervisors' companies, companies' locations. Lists are
 * batched (ids in, a map out: one query whatever the number). Every method takes the caller's
 * EntityManager first, so it reads inside the caller's transaction when there is one.
 */
@Injectable()
export class DirectoryMatchingReads {
  async universityExists(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM universities WHERE id = $1', [id]);
    return rows.length > 0;
  }

  async companyExists(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM companies WHERE id = $1', [id]);
    return rows.length > 0;
  }

  async foundationExists(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM foundations WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** Whether the company is a member of the foundation (may host its employees). */
  async isFoundationMember(
    manager: EntityManager,
    foundationId: string,
    companyId: string,
  ): Promise<boolean> {
    const rows = await manager.query(
      'SELECT 1 FROM foundation_members WHERE foundation_id = $1 AND company_id = $2',
      [foundationId, companyId],
    );
    return rows.length > 0;
  }

  /** The programmes with these ids that exist, by id. */
  async programmes(manager: EntityManager, ids: string[]): Promise<Map<string, ProgrammeFacts>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; university_id: string; nominal_years: number }[] =
      await manager.query(
        'SELECT id, university_id, nominal_years FROM programmes WHERE id = ANY($1::uuid[])',
        [ids],
      );
    return new Map(
      rows.map((r) => [r.id, { universityId: r.university_id, nominalYears: r.nominal_years }]),
    );
  }

  /** Every programme of a university. */
  async programmeIdsOfUniversity(manager: EntityManager, universityId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM programmes WHERE university_id = $1',
      [universityId],
    );
    return rows.map((r) => r.id);
  }

  /** A route's programme and that programme's university; null when the route does not exist. */
  async route(
    manager: EntityManager,
    id: string,
  ): Promise<{ programmeId: string; universityId: string } | null> {
    const [row]: { programme_id: string; university_id: string }[] = await manager.query(
      `SELECT r.programme_id, p.university_id
         FROM routes r JOIN programmes p ON p.id = r.programme_id WHERE r.id = $1`,
      [id],
    );
    return row ? { programmeId: row.programme_id, universityId: row.university_id } : null;
  }

  /** The company each of these supervisors works at (unknown ids are absent). */
  async supervisorCompanies(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; company_id: string }[] = await manager.query(
      'SELECT id, company_id FROM supervisors WHERE id = ANY($1::uuid[])',
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.company_id]));
  }

  /** The coordinates of these companies (unknown ids are absent). */
  async companyLocations(
    manager: EntityManager,
    ids: string[],
  ): Promise<Map<string, CompanyLocation>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; latitude: string | null; longitude: string | null }[] =
      await manager.query(
        'SELECT id, latitude, longitude FROM companies WHERE id = ANY($1::uuid[])',
        [[...new Set(ids)]],
      );
    const num = (x: string | null) => (x === null ? null : Number(x));
    return new Map(
      rows.map((r) => [r.id, { latitude: num(r.latitude), longitude: num(r.longitude) }]),
    );
  }
}

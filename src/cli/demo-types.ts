import type {
  AcademicQuarter,
  CrohoSector,
  Degree,
} from '../directory/programmes/programme.entity';
import type { RoutePhase } from '../directory/routes/route.entity';
import type { IntakeGroup, PriorEducation } from '../students/entities/student.entity';

/** The demo data set's records (as inserted) and its logins. */

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

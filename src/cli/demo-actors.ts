import { Principal } from '@app/common';
import { DataSource } from 'typeorm';
import { DEMO_EMAILS } from './demo-types';

interface DemoUserRow {
  id: string;
  role: Principal['role'];
  university_id: string | null;
  foundation_id: string | null;
  company_id: string | null;
  student_id: string | null;
}

const principalOf = (u: DemoUserRow): Principal => ({
  kind: 'user',
  id: u.id,
  role: u.role,
  universityId: u.university_id,
  foundationId: u.foundation_id,
  companyId: u.company_id,
  studentId: u.student_id,
});

/** The demo logins as the principals the use cases act for, with the ids their scopes name. */
export interface DemoActors {
  coordinator: Principal;
  foundationStaff: Principal;
  companyRep: Principal;
  student: Principal;
  universityId: string;
  foundationId: string;
  /** The demo representative's company: a member of the foundation and the first host. */
  companyId: string;
  studentId: string;
}

/** The demo users as loaded by seedDemo, or null when they are not (all) there. */
export async function loadDemoActors(db: DataSource): Promise<DemoActors | null> {
  const users: DemoUserRow[] = await db.query(
    `SELECT id, role, university_id, foundation_id, company_id, student_id FROM users WHERE email = ANY($1)`,
    [Object.values(DEMO_EMAILS)],
  );
  const byRole = (role: string) => users.find((u) => u.role === role);
  const [coordinator, staff, rep, student] = [
    'coordinator',
    'foundation_staff',
    'company_rep',
    'student',
  ].map(byRole);
  if (!coordinator || !staff || !rep || !student) return null;
  return {
    coordinator: principalOf(coordinator),
    foundationStaff: principalOf(staff),
    companyRep: principalOf(rep),
    student: principalOf(student),
    universityId: coordinator.university_id!,
    foundationId: staff.foundation_id!,
    companyId: rep.company_id!,
    studentId: student.student_id!,
  };
}

import { UserRole, VersionedEntity } from '@app/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Company } from '../../directory/companies/company.entity';
import { Foundation } from '../../directory/foundations/foundation.entity';
import { University } from '../../directory/universities/university.entity';
import { Student } from '../../students/entities/student.entity';

@Entity('users')
@Check(
  'ck_users_role',
  `role IN ('admin', 'coordinator', 'foundation_staff', 'company_rep', 'student')`,
)
// Each role carries exactly its own scope id (students also carry their university; company reps
// and foundation staff may carry the one university they are limited to).
@Check(
  'ck_users_role_scope',
  `(role = 'admin' AND university_id IS NULL AND foundation_id IS NULL AND company_id IS NULL AND student_id IS NULL)
  OR (role = 'coordinator' AND university_id IS NOT NULL AND foundation_id IS NULL AND company_id IS NULL AND student_id IS NULL)
  OR (role = 'foundation_staff' AND foundation_id IS NOT NULL AND company_id IS NULL AND student_id IS NULL)
  OR (role = 'company_rep' AND company_id IS NOT NULL AND foundation_id IS NULL AND student_id IS NULL)
  OR (role = 'student' AND student_id IS NOT NULL AND university_id IS NOT NULL AND foundation_id IS NULL AND company_id IS NULL)`,
)
// An institution login (OIDC issuer and subject) belongs to one account at most.
@Index('uq_users_oidc_link', ['oidcIssuer', 'oidcSubject'], { unique: true })
@Check('ck_users_oidc_link', '(oidc_issuer IS NULL) = (oidc_subject IS NULL)')
export class User extends VersionedEntity {
  /** Stored lower-case; unique. */
  @Column('text', { unique: true })
  email!: string;

  @Column('text')
  name!: string;

  /** Argon2id hash in PHC string format; never returned or logged. */
  @Column('text', { select: false })
  passwordHash!: string;

  @Column('text')
  role!: UserRole;

  @Column('uuid', { nullable: true })
  universityId!: string | null;

  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'university_id' })
  university?: University;

  @Column('uuid', { nullable: true })
  foundationId!: string | null;

  @ManyToOne(() => Foundation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'foundation_id' })
  foundation?: Foundation;

  @Column('uuid', { nullable: true })
  companyId!: string | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column('uuid', { nullable: true })
  studentId!: string | null;

  @ManyToOne(() => Student, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'student_id' })
  student?: Student;

  @Column('boolean', { default: true })
  active!: boolean;

  /**
   * The institution login this account signs in with, linked on its first single sign-on (by
   * verified e-mail) and matched by subject from then on, whatever the e-mail becomes.
   */
  @Column('text', { nullable: true })
  oidcIssuer!: string | null;

  @Column('text', { nullable: true })
  oidcSubject!: string | null;
}

import { numericTransformer, VersionedEntity } from '@app/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Company } from '../../directory/companies/company.entity';
import { Supervisor } from '../../directory/companies/supervisor.entity';
import { Foundation } from '../../directory/foundations/foundation.entity';

export const VACANCY_STATUSES = ['open', 'filled', 'closed'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

/**
 * A learning workplace (leerwerkplek) offered by a company, or by a foundation that will second
 * the student to one of its member companies. `seatsTaken` counts accepted matches; the vacancy
 * is `filled` when it reaches `capacity` (in the same transaction as the acceptance).
 */
@Entity('vacancies')
@Index('ix_vacancies_company', ['companyId'])
@Index('ix_vacancies_foundation', ['foundationId'])
@Index('ix_vacancies_status', ['status', 'id'])
@Check('ck_vacancies_owner', `(company_id IS NULL) <> (foundation_id IS NULL)`)
@Check('ck_vacancies_capacity', `capacity BETWEEN 1 AND 500 AND seats_taken BETWEEN 0 AND capacity`)
@Check('ck_vacancies_status', `status IN ('open', 'filled', 'closed')`)
@Check('ck_vacancies_window', `start_to >= start_from`)
@Check('ck_vacancies_salary', `salary_max_cents >= salary_min_cents AND salary_min_cents >= 0`)
@Check('ck_vacancies_hours', `hours_per_week BETWEEN 1 AND 40`)
export class Vacancy extends VersionedEntity {
  @Column('uuid', { nullable: true })
  companyId!: string | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column('uuid', { nullable: true })
  foundationId!: string | null;

  @ManyToOne(() => Foundation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'foundation_id' })
  foundation?: Foundation;

  /** For a foundation vacancy: the member company the student would first be seconded to. */
  @Column('uuid', { nullable: true })
  hostCompanyId!: string | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_company_id' })
  hostCompany?: Company;

  /** The workplace supervisor (praktijkbegeleider) the agreement will name. */
  @Column('uuid', { nullable: true })
  supervisorId!: string | null;

  @ManyToOne(() => Supervisor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supervisor_id' })
  supervisor?: Supervisor;

  @Column('text')
  title!: string;

  @Column('int')
  capacity!: number;

  @Column('int', { default: 0 })
  seatsTaken!: number;

  @Column('int')
  hoursPerWeek!: number;

  @Column('int')
  salaryMinCents!: number;

  @Column('int')
  salaryMaxCents!: number;

  @Column('date')
  startFrom!: string;

  @Column('date')
  startTo!: string;

  @Column('text')
  postcode!: string;

  @Column('numeric', { precision: 9, scale: 6, nullable: true, transformer: numericTransformer })
  latitude!: number | null;

  @Column('numeric', { precision: 9, scale: 6, nullable: true, transformer: numericTransformer })
  longitude!: number | null;

  /** Sector of the work, e.g. the SBI section ("F" construction) or a route's sector name. */
  @Column('text', { nullable: true })
  sector!: string | null;

  @Column('text', { default: 'open' })
  status!: VacancyStatus;
}

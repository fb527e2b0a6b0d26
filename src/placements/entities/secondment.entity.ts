import { VersionedEntity } from '@app/common';
import {
  Check,
  Column,
  Entity,
  Exclusion,
  ForeignKey,
  Index,
  JoinColumn,
  ManyToOne,
} from 'typeorm';
import { FoundationMember } from '../../directory/foundations/foundation-member.entity';
import { Company } from '../../directory/companies/company.entity';
import { Supervisor } from '../../directory/companies/supervisor.entity';
import { Employment } from './employment.entity';

/**
 * A period in which a foundation-employed student works at a member host company. In
 * PostgreSQL as well as in code: periods of one employment never overlap (exclusion
 * constraint below), lie inside the employment (trigger tg_secondments_inside_employment,
 * created by a migration: TypeORM does not model triggers), and the host is a member of the
 * foundation (the composite foreign key below).
 */
@Entity('secondments')
@Exclusion(
  'ex_secondments_no_overlap',
  `USING gist ("employment_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&)`,
)
@ForeignKey(
  () => FoundationMember,
  ['foundationId', 'hostCompanyId'],
  ['foundationId', 'companyId'],
  {
    name: 'fk_secondments_foundation_member',
    onDelete: 'RESTRICT',
  },
)
@Index('ix_secondments_employment', ['employmentId', 'startDate'])
@Index('ix_secondments_foundation', ['foundationId', 'id'])
@Index('ix_secondments_host', ['hostCompanyId', 'id'])
@Check('ck_secondments_period', `end_date >= start_date`)
@Check('ck_secondments_hours', `hours_per_week IS NULL OR hours_per_week BETWEEN 1 AND 40`)
export class Secondment extends VersionedEntity {
  @Column('uuid')
  employmentId!: string;

  @ManyToOne(() => Employment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employment_id' })
  employment?: Employment;

  /** The employing foundation (copied from the employment, for scope and the membership key). */
  @Column('uuid')
  foundationId!: string;

  @Column('uuid')
  hostCompanyId!: string;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_company_id' })
  hostCompany?: Company;

  @Column('uuid', { nullable: true })
  supervisorId!: string | null;

  @ManyToOne(() => Supervisor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supervisor_id' })
  supervisor?: Supervisor;

  @Column('int', { nullable: true })
  hoursPerWeek!: number | null;

  @Column('date')
  startDate!: string;

  @Column('date')
  endDate!: string;

  /** Set when it was ended early (re-secondment or end of work there). */
  @Column('timestamptz', { nullable: true })
  endedAt!: Date | null;

  @Column('text', { nullable: true })
  endReason!: string | null;
}

import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Company } from '../../directory/companies/company.entity';
import { Employment } from './employment.entity';

/** One planned host and period of a foundation employment's rotation plan. */
@Entity('rotation_plan_entries')
@Index('ix_rotation_plan_employment', ['employmentId', 'startDate'])
@Check('ck_rotation_plan_period', `end_date >= start_date`)
export class RotationPlanEntry {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  employmentId!: string;

  @ManyToOne(() => Employment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employment_id' })
  employment?: Employment;

  @Column('uuid')
  hostCompanyId!: string;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_company_id' })
  hostCompany?: Company;

  @Column('date')
  startDate!: string;

  @Column('date')
  endDate!: string;

  @Column('text', { nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

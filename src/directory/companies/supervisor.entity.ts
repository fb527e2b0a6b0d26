import { numericTransformer, VersionedEntity } from '@app/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Company } from './company.entity';

/** A praktijkbegeleider: the company employee who coaches the student at work. */
@Entity('supervisors')
@Index('uq_supervisors_company_email', ['companyId', 'email'], { unique: true })
@Check('ck_supervisors_hours', `hours_per_week >= 0 AND hours_per_week <= 40`)
export class Supervisor extends VersionedEntity {
  @Column('uuid')
  companyId!: string;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @Column('text')
  name!: string;

  /** Stored lower-case. */
  @Column('text')
  email!: string;

  /** Hours per week of coaching. */
  @Column('numeric', { precision: 4, scale: 1, transformer: numericTransformer })
  hoursPerWeek!: number;

  /** Whether the supervisor completed supervisor training. */
  @Column('boolean')
  trained!: boolean;
}

import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Company } from '../companies/company.entity';
import { Foundation } from './foundation.entity';

/** A company that hosts the foundation's students. */
@Entity('foundation_members')
@Index('ix_foundation_members_company', ['companyId'])
export class FoundationMember {
  @PrimaryColumn('uuid')
  foundationId!: string;

  @PrimaryColumn('uuid')
  companyId!: string;

  @ManyToOne(() => Foundation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'foundation_id' })
  foundation?: Foundation;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt!: Date;
}

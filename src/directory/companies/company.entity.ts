import { numericTransformer, VersionedEntity } from '@app/common';
import { Check, Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { University } from '../universities/university.entity';

/** An mkb-bedrijf: employer or host. KvK number is 8 digits, kept as text. */
@Entity('companies')
@Check('ck_companies_kvk', `kvk_number ~ '^[0-9]{8}$'`)
@Check('ck_companies_employees', `employee_count >= 0`)
export class Company extends VersionedEntity {
  @Column('text')
  name!: string;

  @Column('text', { unique: true })
  kvkNumber!: string;

  @Column('text')
  sbiCode!: string;

  @Column('int')
  employeeCount!: number;

  /** "1234 AB" */
  @Column('text')
  postcode!: string;

  @Column('text', { nullable: true })
  city!: string | null;

  @Column('numeric', { precision: 9, scale: 6, nullable: true, transformer: numericTransformer })
  latitude!: number | null;

  @Column('numeric', { precision: 9, scale: 6, nullable: true, transformer: numericTransformer })
  longitude!: number | null;

  /**
   * The university whose coordinator registered the record (null when an admin did): it works
   * with the record from the start, so its coordinators may edit it (see shared-records.ts).
   * Never shown in responses.
   */
  @Column('uuid', { nullable: true })
  registeredByUniversityId!: string | null;

  @ManyToOne(() => University, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'registered_by_university_id' })
  registeredByUniversity?: University;
}

import { VersionedEntity } from '@app/common';
import { Check, Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { University } from '../universities/university.entity';

/** A regional foundation (GOA-style shared employer) that seconds students to member companies. */
@Entity('foundations')
@Check('ck_foundations_kvk', `kvk_number ~ '^[0-9]{8}$'`)
export class Foundation extends VersionedEntity {
  @Column('text')
  name!: string;

  @Column('text', { unique: true })
  kvkNumber!: string;

  @Column('text')
  region!: string;

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

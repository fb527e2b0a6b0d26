import { VersionedEntity } from '@app/common';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { University } from '../universities/university.entity';

/** A brancheorganisatie (Bouwend Nederland, TLN, Metaalunie, ...) that partners in routes. */
@Entity('sector_associations')
export class SectorAssociation extends VersionedEntity {
  @Column('text', { unique: true })
  name!: string;

  /** Free-text sector, e.g. construction, logistics, maritime, ict. */
  @Column('text', { nullable: true })
  sector!: string | null;

  @Column('text', { nullable: true })
  website!: string | null;

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

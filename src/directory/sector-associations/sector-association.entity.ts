import { VersionedEntity } from '@app/common';
import { Column, Entity } from 'typeorm';

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
}

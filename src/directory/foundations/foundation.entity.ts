import { VersionedEntity } from '@app/common';
import { Check, Column, Entity } from 'typeorm';

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
}

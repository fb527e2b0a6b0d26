import { VersionedEntity } from '@app/common';
import { Column, Entity } from 'typeorm';

/** A hogeschool, identified by its BRIN (or RIO) code. */
@Entity('universities')
export class University extends VersionedEntity {
  @Column('text')
  name!: string;

  @Column('text', { unique: true })
  brinCode!: string;

  @Column('text', { nullable: true })
  city!: string | null;
}

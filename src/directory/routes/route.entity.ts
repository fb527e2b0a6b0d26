import { VersionedEntity } from '@app/common';
import { Check, Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { Programme } from '../programmes/programme.entity';
import { SectorAssociation } from '../sector-associations/sector-association.entity';
import { University } from '../universities/university.entity';

export const ROUTE_PHASES = ['in_development', 'pilot', 'running', 'paused', 'stopped'] as const;
export type RoutePhase = (typeof ROUTE_PHASES)[number];

/** A Mkb-route: a programme offered as a dual route with sector partners. */
@Entity('routes')
@Check('ck_routes_phase', `phase IN ('in_development', 'pilot', 'running', 'paused', 'stopped')`)
export class Route extends VersionedEntity {
  /** Denormalised from the programme so tenant scoping needs no join. */
  @Index()
  @Column('uuid')
  universityId!: string;

  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'university_id' })
  university?: University;

  @Column('uuid')
  programmeId!: string;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Programme;

  @Column('text')
  name!: string;

  @Column('text')
  phase!: RoutePhase;

  @ManyToMany(() => SectorAssociation)
  @JoinTable({
    name: 'route_sector_associations',
    joinColumn: { name: 'route_id' },
    inverseJoinColumn: { name: 'sector_association_id' },
  })
  sectorAssociations?: SectorAssociation[];
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The ISO week (e.g. "2026-W49") of the last overdue digest a coordinator was sent, or looked
 * at and found nothing to send: the worker's watermark, one row per coordinator.
 */
@Entity('overdue_digests')
export class OverdueDigest {
  @PrimaryColumn('uuid')
  userId!: string;

  @Column('text')
  lastSentWeek!: string;
}

import { VersionedEntity } from '@app/common';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { University } from '../../directory/universities/university.entity';

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportRowError {
  index: number;
  field: string;
  message: string;
}

/** A batch of students pushed by a student information system, processed by the worker. */
@Entity('student_imports')
@Index('ix_student_imports_university', ['universityId', 'id'])
@Check('ck_student_imports_status', `status IN ('queued', 'running', 'completed', 'failed')`)
export class StudentImport extends VersionedEntity {
  @Column('uuid')
  universityId!: string;

  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'university_id' })
  university?: University;

  @Column('text')
  status!: ImportStatus;

  @Column('text')
  requestedByKind!: string;

  @Column('uuid', { nullable: true })
  requestedById!: string | null;

  /** The rows as received, minus any BSN; not returned by the API. */
  @Column('jsonb', { select: false })
  rows!: Record<string, unknown>[];

  @Column('int')
  totalRows!: number;

  @Column('int', { default: 0 })
  created!: number;

  @Column('int', { default: 0 })
  updated!: number;

  @Column('int', { default: 0 })
  unchanged!: number;

  @Column('int', { default: 0 })
  rejected!: number;

  @Column('jsonb', { default: [] })
  errors!: ImportRowError[];

  @Column('timestamptz', { nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt!: Date | null;

  @Column('text', { nullable: true })
  failureReason!: string | null;
}

import { numericTransformer } from '@app/common';
import {
  Check,
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Student } from '../../students/entities/student.entity';

/** What a student looking for a learning workplace states (one per student, replaced by PUT). */
@Entity('student_seeking')
@Check('ck_student_seeking_travel', `max_travel_km BETWEEN 1 AND 300`)
@Check('ck_student_seeking_hours', `hours_per_week BETWEEN 1 AND 40`)
export class StudentSeeking {
  @PrimaryColumn('uuid')
  studentId!: string;

  @OneToOne(() => Student, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'student_id' })
  student?: Student;

  @Column('date')
  startDate!: string;

  @Column('text')
  postcode!: string;

  @Column('numeric', { precision: 9, scale: 6, nullable: true, transformer: numericTransformer })
  latitude!: number | null;

  @Column('numeric', { precision: 9, scale: 6, nullable: true, transformer: numericTransformer })
  longitude!: number | null;

  @Column('int')
  maxTravelKm!: number;

  @Column('int')
  hoursPerWeek!: number;

  @Column('text', { array: true, default: '{}' })
  sectors!: string[];

  /** Ranked vacancy ids (first = most preferred). */
  @Column('uuid', { array: true, default: '{}' })
  preferences!: string[];

  @VersionColumn({ default: 1 })
  version!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

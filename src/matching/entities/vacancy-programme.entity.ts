import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Programme } from '../../directory/programmes/programme.entity';
import { Vacancy } from './vacancy.entity';

/** A programme whose students a vacancy accepts. */
@Entity('vacancy_programmes')
@Index('ix_vacancy_programmes_programme', ['programmeId', 'vacancyId'])
export class VacancyProgramme {
  @PrimaryColumn('uuid')
  vacancyId!: string;

  @ManyToOne(() => Vacancy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vacancy_id' })
  vacancy?: Vacancy;

  @PrimaryColumn('uuid')
  programmeId!: string;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Programme;
}

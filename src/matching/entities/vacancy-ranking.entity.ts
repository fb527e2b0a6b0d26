import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Vacancy } from './vacancy.entity';

/** The company's ranking of candidates for its vacancy (rank 1 = most preferred). */
@Entity('vacancy_rankings')
@Check('ck_vacancy_rankings_rank', `rank >= 1`)
export class VacancyRanking {
  @PrimaryColumn('uuid')
  vacancyId!: string;

  @ManyToOne(() => Vacancy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vacancy_id' })
  vacancy?: Vacancy;

  @PrimaryColumn('uuid')
  studentId!: string;

  @Column('int')
  rank!: number;
}

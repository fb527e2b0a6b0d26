import { evaluate, type Evaluation, type Weights } from '@app/matching-engine';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { EntityManager } from 'typeorm';
import { ValidationError } from '@app/common';
import { MatchingInputs } from './matching-inputs';
import { matchingConfig } from './matching.config';

export type ScoredEvaluation = Evaluation & { weights: Weights };

/** The engine's evaluation of one student for one vacancy, with the configured weights. */
@Injectable()
export class MatchScorer {
  constructor(
    private readonly inputs: MatchingInputs,
    @Inject(matchingConfig.KEY) private readonly config: ConfigType<typeof matchingConfig>,
  ) {}

  get weights(): Weights {
    return this.config.weights;
  }

  async evaluate(
    manager: EntityManager,
    studentId: string,
    vacancyId: string,
  ): Promise<ScoredEvaluation> {
    const [student] = await this.inputs.studentInputs(manager, { studentIds: [studentId] });
    if (!student) {
      throw new ValidationError([
        {
          field: 'studentId',
          message:
            'has not stated what they seek (PUT /students/:id/seeking), or is placed already',
        },
      ]);
    }
    const [vacancy] = await this.inputs.vacancyInputs(manager, { vacancyIds: [vacancyId] });
    if (!vacancy)
      throw new ValidationError([
        { field: 'vacancyId', message: 'is not open or has no free seat' },
      ]);
    return { ...evaluate(student, vacancy, this.config.weights), weights: this.config.weights };
  }
}

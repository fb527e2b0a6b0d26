import { DEFAULT_WEIGHTS, resolveWeights, type Weights } from '@app/matching-engine';
import { registerAs } from '@nestjs/config';
import { ConfigError, int } from '../config/app-config';

export interface MatchingConfig {
  /** Score weights (MATCHING_WEIGHTS, e.g. "distance=0.4,hours=0.2,start=0.1,sector=0.15,preference=0.15"). */
  weights: Weights;
  /** How many vacancies a student's list holds in a run (MATCHING_LIST_LENGTH, default 20). */
  listLength: number;
}

export function loadMatchingConfig(env: NodeJS.ProcessEnv = process.env): MatchingConfig {
  let weights: Weights = { ...DEFAULT_WEIGHTS };
  if (env.MATCHING_WEIGHTS) {
    for (const pair of env.MATCHING_WEIGHTS.split(',')) {
      const [name, value] = pair.split('=').map((s) => s.trim());
      if (!(name in weights) || value === undefined || !Number.isFinite(Number(value))) {
        throw new ConfigError(
          `MATCHING_WEIGHTS: "${pair}" is not name=number for one of ${Object.keys(weights).join(', ')}`,
        );
      }
      weights = { ...weights, [name]: Number(value) };
    }
    try {
      weights = resolveWeights(weights);
    } catch (error) {
      throw new ConfigError(`MATCHING_WEIGHTS: ${(error as Error).message}`);
    }
  }
  return { weights, listLength: int(env.MATCHING_LIST_LENGTH, 20, 'MATCHING_LIST_LENGTH', 1, 200) };
}

export const matchingConfig = registerAs('matching', () => loadMatchingConfig());

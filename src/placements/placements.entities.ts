import { Employment } from './entities/employment.entity';
import { GuidanceWeek } from './entities/guidance-week.entity';
import { RotationPlanEntry } from './entities/rotation-plan-entry.entity';
import { Secondment } from './entities/secondment.entity';

export const PLACEMENTS_ENTITIES = [Employment, Secondment, RotationPlanEntry, GuidanceWeek];

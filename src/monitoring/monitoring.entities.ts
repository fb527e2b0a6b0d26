import { ProgressMeeting } from './entities/progress-meeting.entity';

export const MONITORING_ENTITIES = [ProgressMeeting];

import type { MigrationInterface } from 'typeorm';
import { Agreements1795442374132 } from './1795442374132-Agreements';
import { AgreementVersionHost1795444810653 } from './1795444810653-AgreementVersionHost';
import { BenchAgreementAwaitsHost1795857232990 } from './1795857232990-BenchAgreementAwaitsHost';
import { Directory1795434874212 } from './1795434874212-Directory';
import { Documents1795445668965 } from './1795445668965-Documents';
import { JobPath1795856778804 } from './1795856778804-JobPath';
import { MatchingPlacements1795448318054 } from './1795448318054-MatchingPlacements';
import { OpenEndedEmployments1796240888387 } from './1796240888387-OpenEndedEmployments';
import { PartialMatchOwnerIndexes1796300000000 } from './1796300000000-PartialMatchOwnerIndexes';
import { ProgressMeetings1796400200000 } from './1796400200000-ProgressMeetings';
import { Platform1795434757362 } from './1795434757362-Platform';
import { SharedRecordEditorsAndLimitedReps1795856547438 } from './1795856547438-SharedRecordEditorsAndLimitedReps';
import { OutcomeReadModels1796412000000 } from './1796412000000-OutcomeReadModels';
import { StudentsUniversityIdIndex1795435269400 } from './1795435269400-StudentsUniversityIdIndex';
import { VersionMinimumWageRises1796240255748 } from './1796240255748-VersionMinimumWageRises';
import { ProgrammeStudyMode1796400000000 } from './1796400000000-ProgrammeStudyMode';
import { GuidanceWeeks1796400100000 } from './1796400100000-GuidanceWeeks';
import { GuidanceSupervisorHours1796420000000 } from './1796420000000-GuidanceSupervisorHours';
import { EmploymentGuidanceTotals1796430000000 } from './1796430000000-EmploymentGuidanceTotals';
import { AgreementRoute1796440000000 } from './1796440000000-AgreementRoute';
import { OutcomeSummary1796450000000 } from './1796450000000-OutcomeSummary';
import { Webhooks1796460000000 } from './1796460000000-Webhooks';
import { OidcSubjects1796470000000 } from './1796470000000-OidcSubjects';
import { Messages1796480000000 } from './1796480000000-Messages';
import { SigningReminders1796490000000 } from './1796490000000-SigningReminders';
import { OverdueDigest1796500000000 } from './1796500000000-OverdueDigest';
import { MailLanguage1796510000000 } from './1796510000000-MailLanguage';
import { CancelledReminders1796520000000 } from './1796520000000-CancelledReminders';

/** Every migration in order; listed explicitly so ts-jest, ts-node and dist load the same set. */

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Platform1795434757362,
  Directory1795434874212,
  StudentsUniversityIdIndex1795435269400,
  Agreements1795442374132,
  AgreementVersionHost1795444810653,
  Documents1795445668965,
  MatchingPlacements1795448318054,
  SharedRecordEditorsAndLimitedReps1795856547438,
  JobPath1795856778804,
  BenchAgreementAwaitsHost1795857232990,
  VersionMinimumWageRises1796240255748,
  OpenEndedEmployments1796240888387,
  PartialMatchOwnerIndexes1796300000000,
  ProgrammeStudyMode1796400000000,
  GuidanceWeeks1796400100000,
  ProgressMeetings1796400200000,
  OutcomeReadModels1796412000000,
  GuidanceSupervisorHours1796420000000,
  EmploymentGuidanceTotals1796430000000,
  AgreementRoute1796440000000,
  OutcomeSummary1796450000000,
  Webhooks1796460000000,
  OidcSubjects1796470000000,
  Messages1796480000000,
  SigningReminders1796490000000,
  OverdueDigest1796500000000,
  MailLanguage1796510000000,
  CancelledReminders1796520000000,
];

/**
 * The terms of an agreement version exactly as the API takes them (API.md "agreement"): the
 * agreements domain's own type, validated by agreement-terms.ts and frozen into each version.
 * Amounts in euro cents, dates YYYY-MM-DD. The PDF library has its own render model; the
 * documents module maps these terms onto it.
 */

export type ContractType = 'fixed_term' | 'permanent';
export type CostCovered = 'laptop' | 'books' | 'travel' | 'exam_fees';
export type TrainingMandatedBy = 'none' | 'law' | 'cao' | 'regulation';
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

export interface AgreementTerms {
  startDate: string; // YYYY-MM-DD
  endDate: string; // YYYY-MM-DD
  employment: {
    contractType: ContractType;
    contractMonths: number;
    hoursPerWeek: number;
    grossMonthlySalaryCents: number;
    functionTitle: string;
  };
  workplace: { location: string; supervisorId: string };
  studySupport: {
    paidStudyHoursPerWeek: number;
    tuitionReimbursedPercent: number;
    costsCovered: CostCovered[];
    schoolDays: Weekday[];
  };
  repayment: {
    trainingMandatedBy: TrainingMandatedBy;
    percent: number;
    monthsAfterGraduation: number;
    linearDecline: boolean;
  } | null;
  monitoring: { progressMeetingEveryWeeks: number; workplaceVisitsPerYear: number };
  competences: { name: string; assessment: string }[];
  termination: { noticeWeeks: number; earlyTerminationGrounds: string[] };
}

import { Clock, NotFoundError, Principal, universityLimit } from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AgreementSubsidyReads, SignedAgreement } from '../../agreements/agreement-subsidy-reads';
import { DirectoryReads } from '../../directory/directory-reads';
import {
  NO_WEEKS,
  PlacementSubsidyReads,
  SubsidyEmployment,
  WeekCounts,
} from '../../placements/placement-subsidy-reads';
import { fullName, StudentReads } from '../../students/student-reads';
import { SubsidyQuery } from './subsidy-query';
import { SubsidyEmployerDto, SubsidyPlacementDto, SubsidyReportDto } from './subsidy-report.dto';
import { academicYearSpan, DateSpan, intersect, subsidyOutcome, weeksIn } from './subsidy-rules';

/**
 * Subsidy evidence for one employer and academic year (Subsidieregeling praktijkleren): per
 * placement the weeks a signed agreement covered, the guided and absent weeks of the guidance
 * log inside them, and the most it can earn. Read by the employer's own staff (a company's rep, a
 * foundation's staff; one limited to a university sees that university's students) and admins;
 * another employer's report is not found. Coordinators are refused by role: the report is the
 * employer's application, not the university's.
 */
@Injectable()
export class SubsidyReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly placements: PlacementSubsidyReads,
    private readonly agreements: AgreementSubsidyReads,
    private readonly directory: DirectoryReads,
    private readonly students: StudentReads,
  ) {}

  report(principal: Principal, query: SubsidyQuery): Promise<SubsidyReportDto> {
    const year = academicYearSpan(query.rules.academicYear);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const employer = await this.employer(manager, principal, query.employer);
      const employments = await this.placements.employmentsOfEmployer(
        manager,
        query.employer,
        { from: year.start, to: year.end },
        universityLimit(principal),
      );
      const placements = await this.lines(manager, query, year, employments);
      return {
        employer,
        academicYear: year,
        generatedAt: this.clock.now(),
        source: query.rules.source,
        placements,
        totals: {
          placements: placements.length,
          eligible: placements.filter((p) => p.eligible).length,
          maxAmountCents: placements.reduce((sum, p) => sum + p.maxAmountCents, 0),
        },
      };
    });
  }

  /** The employer, when the caller is its own staff or an admin; otherwise there is no such report. */
  private async employer(
    manager: EntityManager,
    principal: Principal,
    employer: SubsidyQuery['employer'],
  ): Promise<SubsidyEmployerDto> {
    const own =
      principal.role === 'admin' ||
      (employer.type === 'company' &&
        principal.role === 'company_rep' &&
        principal.companyId === employer.id) ||
      (employer.type === 'foundation' &&
        principal.role === 'foundation_staff' &&
        principal.foundationId === employer.id);
    const found = !own
      ? undefined
      : employer.type === 'company'
        ? (await this.directory.companiesByIds(manager, [employer.id])).get(employer.id)
        : (await this.directory.foundationsByIds(manager, [employer.id])).get(employer.id);
    const label = employer.type === 'company' ? 'Company' : 'Foundation';
    if (!found) throw new NotFoundError(label, employer.id);
    return { type: employer.type, id: found.id, name: found.name, kvkNumber: found.kvkNumber };
  }

  /** One line per employment: four batched reads, whatever the number of placements. */
  private async lines(
    manager: EntityManager,
    query: SubsidyQuery,
    year: DateSpan,
    employments: SubsidyEmployment[],
  ): Promise<SubsidyPlacementDto[]> {
    const signed = await this.agreements.signedOfEmployments(manager, employments);
    // Evidence counts inside the signed agreement's period; without one, inside the employment
    // (shown for information: such a placement earns nothing).
    const spans = employments.map((e, i) => evidenceSpan(year, e, signed[i]));
    const counts = await this.placements.weekCounts(
      manager,
      employments.flatMap((e, i) => {
        const span = spans[i];
        return span ? [{ employmentId: e.id, from: span.start, to: span.end }] : [];
      }),
    );
    const students = await this.students.studentsByIds(
      manager,
      employments.map((e) => e.studentId),
    );
    const programmes = await this.directory.programmesByIds(
      manager,
      [...students.values()].map((s) => s.programmeId),
    );
    return employments.map((e, i) => {
      const student = students.get(e.studentId);
      const programme = student ? programmes.get(student.programmeId) : undefined;
      const agreement = signed[i];
      const weeks: WeekCounts = counts.get(e.id) ?? NO_WEEKS;
      const outcome = subsidyOutcome(query.rules, {
        crohoSector: programme?.crohoSector ?? null,
        studyMode: programme?.studyMode ?? null,
        signedAgreement: agreement !== null && spans[i] !== null,
        weeksGuided: weeks.guided,
      });
      return {
        employmentId: e.id,
        studentId: e.studentId,
        studentName: student ? fullName(student) : '',
        agreementId: agreement?.id ?? null,
        contentHash: agreement?.contentHash ?? null,
        crohoCode: programme?.crohoCode ?? null,
        crohoSector: programme?.crohoSector ?? null,
        studyMode: programme?.studyMode ?? null,
        weeksCovered: agreement ? weeksIn(spans[i]) : 0,
        weeksGuided: weeks.guided,
        weeksAbsent: { illness: weeks.illness, holiday: weeks.holiday, other: weeks.other },
        ...outcome,
      };
    });
  }
}

/** The days of the year the employment ran under its signed agreement (or, without one, ran). */
function evidenceSpan(
  year: DateSpan,
  employment: SubsidyEmployment,
  agreement: SignedAgreement | null,
): DateSpan | null {
  const employed = { start: employment.startDate, end: employment.endDate };
  if (!agreement) return intersect(year, employed);
  return intersect(year, employed, { start: agreement.from, end: agreement.to });
}

import { stageMatching, type MatchingRun as MatchingRunResult } from '@app/matching-engine';
import { Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { PermanentJobError } from '@app/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { DirectoryReads } from '../directory/directory-reads';
import { MatchingRun } from './entities/matching-run.entity';
import { MatchingInputs } from './matching-inputs';
import { sendProposals } from './matching-run.persist';

/** A verification that did not hold: the run must not propose anything. */
export class RunVerificationError extends Error {}

/**
 * Computes a run: loads its scope's students and open vacancies, matches (student-proposing
 * deferred acceptance on lists headed by what students and companies stated), verifies from the
 * input on its own (capacities, acceptability, no blocking pair) while the proposals are being
 * inserted (one bulk statement), and commits them with the figures only when the verification
 * holds: one transaction, so a retried run either finds it done or starts clean. The run
 * records per-phase timings.
 */
@Injectable()
export class MatchingRunRunner {
  private readonly logger = new Logger(MatchingRunRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(MatchingRun) private readonly runs: Repository<MatchingRun>,
    private readonly inputs: MatchingInputs,
    private readonly directory: DirectoryReads,
  ) {}

  async run(runId: string): Promise<{ status: string; outputHash: string | null }> {
    // A failed run is computed again only when an operator retried its job.
    await this.runs.update(
      { id: runId, status: In(['queued', 'failed']) },
      { status: 'running', error: null },
    );
    const run = await this.runs.findOneBy({ id: runId });
    if (!run) throw new PermanentJobError(`Matching run ${runId} does not exist`);
    // Completed (or failed) already: a duplicated job does nothing. A run left `running` by a
    // worker that died is computed again: nothing of it was persisted (one transaction).
    if (run.status !== 'running') return { status: run.status, outputHash: run.outputHash };

    const t0 = performance.now();
    const programmeIds = await this.programmes(run);
    const [students, vacancies] = await Promise.all([
      this.inputs.studentInputs(this.runs.manager, {
        universityId: run.universityId,
        programmeIds,
        cohort: run.cohort ?? undefined,
      }),
      this.inputs.vacancyInputs(this.runs.manager, { acceptingProgrammeIds: programmeIds }),
    ]);
    const t1 = performance.now();
    const phases: Record<string, number> = {};
    const staged = stageMatching(students, vacancies, {
      weights: run.weights,
      seed: run.seed,
      listLength: run.listLength,
      phases,
    });
    const t2 = performance.now();
    let result: MatchingRunResult | undefined;
    let inserted = 0;
    await this.dataSource.transaction(async (manager) => {
      const [scope] = await manager.query(
        'SELECT 1 FROM matching_runs WHERE id = $1 AND status = $2 FOR UPDATE',
        [runId, 'running'],
      );
      if (!scope) return;
      // PostgreSQL stores the proposals while this process verifies the run and hashes it: two
      // cores at work. Nothing is committed unless the verification holds.
      const { stored } = await sendProposals(manager, run, staged.assignments);
      const verified = staged.finish();
      result = verified;
      inserted = await stored;
      const t3 = performance.now();
      if (verified.stats.blockingPairs > 0 || verified.stats.capacityViolations > 0) {
        throw new RunVerificationError(
          `Verification failed: ${verified.stats.blockingPairs} blocking pair(s), ${verified.stats.capacityViolations} capacity violation(s)`,
        );
      }
      await manager.update(
        MatchingRun,
        { id: runId },
        {
          status: 'completed',
          inputHash: verified.inputHash,
          outputHash: verified.outputHash,
          stats: { ...verified.stats },
          // Where the time goes: load, the engine's phases, match (prepare to explain), and
          // persist (the insert, with verifyMs and hashMs running alongside it).
          timings: {
            loadMs: round(t1 - t0),
            ...phases,
            matchMs: round(t2 - t1),
            persistMs: round(t3 - t2),
            totalMs: round(t3 - t0),
          },
          completedAt: new Date(),
          error: null,
        },
      );
    });
    result ??= staged.finish();
    this.logger.log(
      `Run ${runId}: ${result.stats.matched}/${result.stats.students} matched, ${inserted} proposals inserted in ${round(performance.now() - t0)} ms`,
    );
    return { status: 'completed', outputHash: result.outputHash };
  }

  /** A computation failed and the job will try again later: the run reads `queued` meanwhile. */
  async requeue(manager: EntityManager, runId: string): Promise<void> {
    await manager
      .getRepository(MatchingRun)
      .update({ id: runId, status: 'running' }, { status: 'queued' });
  }

  /** The job is failed for good: so is the run, with the reason, unless it completed meanwhile. */
  async markFailed(manager: EntityManager, runId: string, reason: string): Promise<void> {
    await manager
      .getRepository(MatchingRun)
      .update(
        { id: runId, status: In(['queued', 'running']) },
        { status: 'failed', error: reason.slice(0, 2000) },
      );
  }

  /** The run's programmes: the one named, the route's, or every programme of the university. */
  private async programmes(run: MatchingRun): Promise<string[]> {
    if (run.programmeId) return [run.programmeId];
    if (run.routeId) {
      const route = (await this.directory.routesByIds(this.runs.manager, [run.routeId])).get(
        run.routeId,
      );
      return route ? [route.programmeId] : [];
    }
    return this.directory.programmeIdsOfUniversity(this.runs.manager, run.universityId);
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

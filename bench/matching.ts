/**
 * `npm run bench:matching`: the whole-cohort matching on a synthetic cohort of 10,000 students
 * and 2,000 vacancies (~12,000 open seats, 20 programmes, 17 Dutch cities; see
 * bench/matching-data.ts), generated from a fixed seed so every run sees the same data.
 *
 * Engine section (pure, in process):
 *  - buildPreferenceLists: cold (first call, JIT included) and warm (median of 3);
 *  - deferredAcceptance on lists of 20: warm-up, then `--runs` timed runs; median and p95;
 *    every run must give the same matching;
 *  - verifyMatching: blocking pairs and capacity violations;
 *  - runMatching end to end, then again with the input arrays shuffled: same hashes.
 * API section: not yet; it will load `data.rows` into PostgreSQL and time POST /matching-runs.
 *
 * Targets (issue): preference lists well under 1 s, deferred acceptance <= 20 ms (median and
 * p95) on a 2-core VM, 0 blocking pairs, 0 capacity violations. Options: --runs N (50),
 * --seed S (bench-matching-1), --students N (10000), --vacancies N (2000). The exit code is 1
 * when a target is missed.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  DeferredAcceptanceResult,
  PreferenceLists,
  buildPreferenceLists,
  deferredAcceptance,
  runMatching,
  verifyMatching,
} from '@app/matching-engine';
import { apiSection } from './matching-api';
import { MatchingData, createRng, generateMatchingData } from './matching-data';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const SEED = option('seed', 'bench-matching-1');
const RUNS = Number(option('runs', '50'));
const STUDENTS = Number(option('students', '10000'));
const VACANCIES = Number(option('vacancies', '2000'));
const LIST_LENGTH = 20;
const WARMUP = 10;
const TARGET_BUILD_MS = 1_000;
const TARGET_DA_MS = 20;

type Check = [text: string, ok: boolean];

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

function percentile(sortedMs: number[], p: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)];
}

const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

function sameMatching(a: DeferredAcceptanceResult, b: DeferredAcceptanceResult): boolean {
  if (a.assignments.size !== b.assignments.size || a.proposals !== b.proposals) return false;
  for (const [s, v] of a.assignments) if (b.assignments.get(s) !== v) return false;
  return true;
}

function shuffled<T>(items: readonly T[], seed: string): T[] {
  const next = createRng(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function describeData(data: MatchingData): void {
  let seats = 0;
  for (const v of data.vacancies) seats += Math.max(0, v.openSeats);
  const unknown = data.students.filter((s) => !s.location).length;
  const withPrefs = data.students.filter((s) => s.preferences.length).length;
  console.log(
    `data: ${data.students.length} students (${unknown} without location, ${withPrefs} with preferences), ` +
      `${data.vacancies.length} vacancies, ${seats} open seats, ${data.programmeIds.length} programmes`,
  );
}

function timeLists(data: MatchingData): { lists: PreferenceLists; checks: Check[] } {
  const options = { seed: SEED, listLength: LIST_LENGTH };
  const cold = timed(() => buildPreferenceLists(data.students, data.vacancies, options));
  const warm = [0, 1, 2]
    .map(() => timed(() => buildPreferenceLists(data.students, data.vacancies, options)).ms)
    .sort((a, b) => a - b);
  const lists = cold.value;
  let entries = 0;
  let empty = 0;
  for (const list of lists.students.values()) {
    entries += list.length;
    if (!list.length) empty++;
  }
  console.log(
    `buildPreferenceLists: cold ${ms(cold.ms)}, warm median ${ms(warm[1])}; ` +
      `${entries} entries (mean ${(entries / lists.students.size).toFixed(1)}), ${empty} students with an empty list`,
  );
  return {
    lists,
    checks: [
      [
        `buildPreferenceLists cold ${ms(cold.ms)} <= ${TARGET_BUILD_MS} ms`,
        cold.ms <= TARGET_BUILD_MS,
      ],
    ],
  };
}

function timeDeferredAcceptance(lists: PreferenceLists): {
  result: DeferredAcceptanceResult;
  checks: Check[];
} {
  const reference = deferredAcceptance(lists);
  let identical = true;
  for (let i = 0; i < WARMUP; i++) identical &&= sameMatching(reference, deferredAcceptance(lists));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = timed(() => deferredAcceptance(lists));
    times.push(run.ms);
    identical &&= sameMatching(reference, run.value);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  console.log(
    `deferredAcceptance (lists of ${LIST_LENGTH}, ${RUNS} runs after ${WARMUP} warm-up): ` +
      `median ${ms(median)}, p95 ${ms(p95)}, min ${ms(times[0])}, max ${ms(times[times.length - 1])}`,
  );
  console.log(
    `  proposals ${reference.proposals}, matched ${reference.assignments.size}, unmatched ${reference.unmatched.length}`,
  );
  return {
    result: reference,
    checks: [
      [`deferredAcceptance median ${ms(median)} <= ${TARGET_DA_MS} ms`, median <= TARGET_DA_MS],
      [`deferredAcceptance p95 ${ms(p95)} <= ${TARGET_DA_MS} ms`, p95 <= TARGET_DA_MS],
      ['every run gives the same matching', identical],
    ],
  };
}

function checkVerification(data: MatchingData, result: DeferredAcceptanceResult): Check[] {
  const options = { seed: SEED, listLength: LIST_LENGTH };
  const { value: v, ms: took } = timed(() =>
    verifyMatching(data.students, data.vacancies, options, result.assignments),
  );
  console.log(
    `verifyMatching (${ms(took)}): ${v.blockingPairs.length} blocking pairs, ` +
      `${v.capacityViolations.length} capacity violations, ${v.unlistedAssignments.length} unlisted assignments`,
  );
  return [
    [`blocking pairs ${v.blockingPairs.length} = 0`, v.blockingPairs.length === 0],
    [`capacity violations ${v.capacityViolations.length} = 0`, v.capacityViolations.length === 0],
    [
      `unlisted assignments ${v.unlistedAssignments.length} = 0`,
      v.unlistedAssignments.length === 0,
    ],
  ];
}

function checkRun(data: MatchingData): Check[] {
  const options = { seed: SEED, listLength: LIST_LENGTH };
  const first = timed(() => runMatching(data.students, data.vacancies, options));
  const again = runMatching(
    shuffled(data.students, 'students'),
    shuffled(data.vacancies, 'vacancies'),
    options,
  );
  const { stats, inputHash, outputHash } = first.value;
  const ranks = new Map<number, number>();
  for (const a of first.value.assignments)
    ranks.set(a.studentRank, (ranks.get(a.studentRank) ?? 0) + 1);
  const top3 = [1, 2, 3].map((r) => ranks.get(r) ?? 0);
  console.log(`runMatching (lists + DA + verification + hashes): ${ms(first.ms)}`);
  console.log(`  stats ${JSON.stringify(stats)}`);
  console.log(`  matched to their 1st/2nd/3rd choice: ${top3.join('/')}`);
  console.log(`  inputHash ${inputHash}\n  outputHash ${outputHash}`);
  return [
    [
      'same hashes with shuffled input arrays',
      again.inputHash === inputHash && again.outputHash === outputHash,
    ],
  ];
}

function engineSection(data: MatchingData): Check[] {
  console.log('\n== engine ==');
  describeData(data);
  const { lists, checks: listChecks } = timeLists(data);
  const { result, checks: daChecks } = timeDeferredAcceptance(lists);
  return [...listChecks, ...daChecks, ...checkVerification(data, result), ...checkRun(data)];
}

async function main(): Promise<void> {
  console.log(`bench:matching on ${cpus().length} CPU(s), node ${process.version}, seed ${SEED}`);
  const generated = timed(() =>
    generateMatchingData(SEED, { students: STUDENTS, vacancies: VACANCIES }),
  );
  console.log(`generateMatchingData: ${ms(generated.ms)}`);
  const checks: Check[] = [...engineSection(generated.value)];
  if (process.env.BENCH_ENGINE_ONLY !== '1')
    checks.push(...(await apiSection(generated.value, SEED)));
  console.log('');
  for (const [text, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
  if (!checks.every(([, ok]) => ok)) process.exitCode = 1;
}

main().catch((error) => {
  console.error('bench:matching failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});

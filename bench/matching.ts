/**
 * `npm run bench:matching`: whole-cohort matching on synthetic cohorts (Dutch cities, 20
 * programmes, two intakes, student preferences and company rankings; bench/matching-data.ts),
 * generated from a fixed seed so every run sees the same data. Two sizes: "small" 10,000
 * students x 2,000 vacancies (~12,400 open seats), "large" 50,000 x 10,000 (~62,000 seats).
 *
 * What it measures, and the targets (the exit code is 1 when one is missed):
 *  1. Engine, in process, small: buildPreferenceLists cold and warm (median of 3; target cold
 *     <= 1 s); deferredAcceptance, `--da-runs` timed runs after a warm-up (median and p95 <=
 *     20 ms, every run the same matching); verifyMatching from the raw input (0 blocking
 *     pairs, capacity violations, unlisted assignments); runMatching twice, the second with
 *     the input arrays shuffled (same hashes).
 *  2. Engine, in process, both sizes: runMatching's phases (prepare, lists, deferred
 *     acceptance, verify, explain, hashes), median of `--runs` runs. No target: where the
 *     time goes.
 *  3. API, both sizes (bench/matching-api.ts): the data set loaded into a database of its own;
 *     `--runs` whole runs through POST /matching-runs until read completed (job path, load,
 *     engine, persisting the proposals in one transaction), median <= 800 ms small, <= 5 s
 *     large; the worker's phase timings (median); 0 blocking pairs; every proposal persisted.
 *     Small also: GET /vacancies/:id/candidates p95 <= 50 ms.
 * Figures are wall-clock on whatever else the machine is doing: run it on a quiet machine.
 * Options: --runs N (5), --da-runs N (50), --seed S (bench-matching-1), --sizes small,large.
 * BENCH_ENGINE_ONLY=1 skips the API part; BENCH_KEEP_DB=1 keeps its databases.
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
import { apiSection, type Check } from './matching-api';
import { MatchingData, createRng, generateMatchingData } from './matching-data';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const SEED = option('seed', 'bench-matching-1');
const RUNS = Math.max(5, Number(option('runs', '5')));
const DA_RUNS = Number(option('da-runs', '50'));
const SIZES = option('sizes', 'small,large').split(',');
const LIST_LENGTH = 20;
const WARMUP = 10;
const TARGET_BUILD_MS = 1_000;
const TARGET_DA_MS = 20;
const DATABASE_URL =
  process.env.BENCH_MATCHING_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/dualroute_bench_matching';

const CASES = {
  small: { students: 10_000, vacancies: 2_000, targetMs: 800, candidatesP95Ms: 50 },
  large: { students: 50_000, vacancies: 10_000, targetMs: 5_000, candidatesP95Ms: undefined },
} as const;

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
  for (let i = 0; i < DA_RUNS; i++) {
    const run = timed(() => deferredAcceptance(lists));
    times.push(run.ms);
    identical &&= sameMatching(reference, run.value);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  console.log(
    `deferredAcceptance (lists of ${LIST_LENGTH}, ${DA_RUNS} runs after ${WARMUP} warm-up): ` +
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
  console.log('\n== engine, small ==');
  describeData(data);
  const { lists, checks: listChecks } = timeLists(data);
  const { result, checks: daChecks } = timeDeferredAcceptance(lists);
  return [...listChecks, ...daChecks, ...checkVerification(data, result), ...checkRun(data)];
}

/** runMatching's own phase timings, median per phase over RUNS runs. */
function enginePhases(label: string, data: MatchingData): void {
  const all: Array<Record<string, number>> = [];
  const totals: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const phases: Record<string, number> = {};
    totals.push(timed(() => runMatching(data.students, data.vacancies, { seed: SEED, phases })).ms);
    all.push(phases);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const phases = Object.fromEntries(
    Object.keys(all[0]).map((k) => [k, Math.round(median(all.map((p) => p[k])))]),
  );
  console.log(
    `runMatching, ${label}, median of ${RUNS}: ${ms(median(totals))}; phases (ms) ${JSON.stringify(phases)}`,
  );
}

/** The bench database's URL with a suffix on its name: one database per size. */
function databaseNamed(suffix: string): string {
  const url = new URL(DATABASE_URL);
  url.pathname = `${url.pathname}${suffix}`;
  return url.toString();
}

function generate(size: keyof typeof CASES): MatchingData {
  const { students, vacancies } = CASES[size];
  const generated = timed(() => generateMatchingData(SEED, { students, vacancies }));
  console.log(`generateMatchingData ${size} (${students} x ${vacancies}): ${ms(generated.ms)}`);
  return generated.value;
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`bench:matching on ${cpus().length} CPU(s), node ${process.version}, seed ${SEED}`);
  const sizes = SIZES.filter((x): x is keyof typeof CASES => x in CASES);
  const data = new Map(sizes.map((size) => [size, generate(size)]));
  const checks: Check[] = [];
  if (data.has('small')) checks.push(...engineSection(data.get('small')!));
  console.log('\n== engine phases ==');
  for (const [size, d] of data) enginePhases(size, d);
  if (process.env.BENCH_ENGINE_ONLY !== '1') {
    for (const [size, d] of data) {
      const { targetMs, candidatesP95Ms } = CASES[size];
      checks.push(
        ...(await apiSection({
          label: size,
          data: d,
          seed: SEED,
          databaseUrl: size === 'small' ? DATABASE_URL : databaseNamed(`_${size}`),
          targetMs,
          runs: RUNS,
          candidatesP95Ms,
        })),
      );
    }
  }
  console.log(`\n(bench took ${((performance.now() - started) / 1000) | 0} s)`);
  for (const [text, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
  if (!checks.every(([, ok]) => ok)) process.exitCode = 1;
}

main().catch((error) => {
  console.error('bench:matching failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * The signature of typed-client.ts.txt's `exercise`, for the spec that imports the generated copy
 * at run time (the real file only compiles next to the generated api.ts).
 */
export interface ExerciseOutcome {
  expiresIn: number;
  created: Record<string, unknown> & { id: string };
  createdStatus: number;
  replayed: Record<string, unknown> & { id: string };
  replayedHeader: string | null;
  firstPage: { id: string }[];
  nextCursor: string | null;
  secondPage: { id: string }[];
  fetched: Record<string, unknown>;
  notFound: {
    status: number;
    contentType: string | null;
    problem: { status: number; type: string };
  };
  invalid: { status: number; problem: unknown; fields: string[] };
  unauthenticated: { status: number; problem: unknown };
}

export declare function exercise(
  baseUrl: string,
  login: { email: string; password: string },
  student: { universityId: string; programmeId: string; tag: string },
): Promise<ExerciseOutcome>;

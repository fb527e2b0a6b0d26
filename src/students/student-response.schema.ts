/**
 * JSON schemas of the student read responses. Fastify compiles them into a serializer
 * (fast-json-stringify), several times faster than JSON.stringify for a 50-row page. A field
 * missing here would be dropped from responses: the e2e tests compare whole bodies.
 */
const nullableString = { type: ['string', 'null'] } as const;

export const STUDENT_SCHEMA = {
  type: 'object',
  required: ['id', 'version', 'universityId', 'programmeId', 'studentNumber', 'firstName', 'lastName', 'email'],
  properties: {
    id: { type: 'string' },
    version: { type: 'integer' },
    universityId: { type: 'string' },
    programmeId: { type: 'string' },
    studentNumber: { type: 'string' },
    externalId: nullableString,
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    email: { type: 'string' },
    intakeGroup: { type: 'string' },
    priorEducation: { type: 'string' },
    cohort: { type: 'integer' },
    dateOfBirth: nullableString,
    workedForEmployerBefore: { type: 'boolean' },
    monthsWithEmployerBefore: { type: ['integer', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const STUDENT_PAGE_SCHEMA = {
  type: 'object',
  properties: {
    data: { type: 'array', items: STUDENT_SCHEMA },
    nextCursor: nullableString,
  },
} as const;

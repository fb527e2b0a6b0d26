import { createValidationPipe, ValidationError } from '@app/common';
import { ArgumentMetadata } from '@nestjs/common';
import { CreateStudentDto, UpdateStudentDto } from './student.dto';

/** @nestjs/swagger's metadata keys (its constants are not exported from the package). */
const DECORATORS = {
  API_MODEL_PROPERTIES: 'swagger/apiModelProperties',
  API_MODEL_PROPERTIES_ARRAY: 'swagger/apiModelPropertiesArray',
};
const pipe = createValidationPipe();
const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({
  type: 'body',
  metatype,
});

/** The field errors the API's validation pipe answers for `value`, or [] when it passes. */
async function errors(metatype: ArgumentMetadata['metatype'], value: object) {
  try {
    await pipe.transform(value, body(metatype));
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return (error.extensions?.errors as { field: string }[]).map((e) => e.field);
  }
}

/** A property's OpenAPI metadata; `isArray: false` is what re-applying ApiProperty adds, a no-op. */
function swaggerProperty(dto: { prototype: object }, key: string): Record<string, unknown> {
  const { isArray, ...rest } = Reflect.getMetadata(
    DECORATORS.API_MODEL_PROPERTIES,
    dto.prototype,
    key,
  ) as Record<string, unknown>;
  return isArray ? { isArray, ...rest } : rest;
}

const valid = {
  universityId: '0190f3a0-0000-7000-8000-000000000001',
  programmeId: '0190f3a0-0000-7000-8000-000000000002',
  studentNumber: '2154321',
  firstName: 'Sanne',
  lastName: 'de Vries',
  email: 'sanne@example.nl',
  intakeGroup: 'mbo4_graduate',
  priorEducation: 'mbo4',
  cohort: 2026,
};

describe('student DTOs', () => {
  it('documents every field of a PATCH as the POST does, only not required, without universityId', () => {
    const created = (
      Reflect.getMetadata(
        DECORATORS.API_MODEL_PROPERTIES_ARRAY,
        CreateStudentDto.prototype,
      ) as string[]
    ).map((k) => k.slice(1));
    const updated = (
      Reflect.getMetadata(
        DECORATORS.API_MODEL_PROPERTIES_ARRAY,
        UpdateStudentDto.prototype,
      ) as string[]
    ).map((k) => k.slice(1));
    expect(updated.sort()).toEqual(created.filter((k) => k !== 'universityId').sort());
    for (const key of updated) {
      expect({ key, ...swaggerProperty(UpdateStudentDto, key) }).toEqual({
        key,
        ...swaggerProperty(CreateStudentDto, key),
        required: false,
      });
    }
  });

  it('refuses null where a student cannot be empty, on POST and PATCH alike; PATCH clears the rest', async () => {
    expect(await errors(CreateStudentDto, valid)).toEqual([]);
    expect(await errors(CreateStudentDto, { ...valid, workedForEmployerBefore: null })).toEqual([
      'workedForEmployerBefore',
    ]);
    expect(
      await errors(UpdateStudentDto, { lastName: null, workedForEmployerBefore: null }),
    ).toEqual(['lastName', 'workedForEmployerBefore']);
    expect(
      await errors(UpdateStudentDto, {
        externalId: null,
        dateOfBirth: null,
        monthsWithEmployerBefore: null,
      }),
    ).toEqual([]);
    expect(await errors(UpdateStudentDto, { universityId: valid.universityId })).toEqual([
      'universityId',
    ]);
    expect(await errors(UpdateStudentDto, { cohort: 1999, studentNumber: 'has space' })).toEqual([
      'studentNumber',
      'cohort',
    ]);
  });
});

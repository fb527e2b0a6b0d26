import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { ValidationError } from '../errors/domain-error';
import { createValidationPipe } from './validation';

class EmploymentTerms {
  @IsInt({ message: 'hoursPerWeek must be a whole number' })
  @Min(1, { message: 'hoursPerWeek must be at least 1' })
  @Max(40, { message: 'hoursPerWeek must be at most 40' })
  hoursPerWeek!: number;
}

class Terms {
  @ValidateNested()
  @Type(() => EmploymentTerms)
  employment!: EmploymentTerms;
}

class AgreementBody {
  @IsString({ message: 'title must be text' })
  title!: string;

  @IsOptional()
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(0, { message: 'capacity must not be negative' })
  capacity?: number;

  @ValidateNested()
  @Type(() => Terms)
  terms!: Terms;
}

const pipe = createValidationPipe();
const validate = (value: unknown) =>
  pipe.transform(value, { type: 'body', metatype: AgreementBody });

async function refusal(value: unknown): Promise<ValidationError> {
  try {
    await validate(value);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected the body to be refused');
}

const body = (over: object = {}) => ({
  title: 'Werkvoorbereider',
  terms: { employment: { hoursPerWeek: 32 } },
  ...over,
});

describe('the validation pipe', () => {
  it('passes a valid body through as an instance of the DTO', async () => {
    const value = await validate(body({ capacity: 2 }));
    expect(value).toBeInstanceOf(AgreementBody);
    expect(value.terms.employment.hoursPerWeek).toBe(32);
  });

  it('answers a rule broken deep in the body with 422 and the dotted field', async () => {
    const error = await refusal(
      body({ terms: { employment: { hoursPerWeek: 60 } }, capacity: -1 }),
    );
    expect(error.status).toBe(422);
    expect(error.extensions.errors).toEqual(
      expect.arrayContaining([
        { field: 'terms.employment.hoursPerWeek', message: 'hoursPerWeek must be at most 40' },
        { field: 'capacity', message: 'capacity must not be negative' },
      ]),
    );
  });

  it('names a missing value once, as required, rather than every rule it fails', async () => {
    const error = await refusal(body({ terms: { employment: {} } }));
    expect(error.extensions.errors).toEqual([
      {
        field: 'terms.employment.hoursPerWeek',
        message: 'terms.employment.hoursPerWeek is required',
      },
    ]);
  });

  it('answers an unknown field with 400: the request is malformed, not a broken rule', async () => {
    const error = await refusal(body({ salary: 1 }));
    expect(error.status).toBe(400);
    expect(error.extensions.errors).toEqual([
      { field: 'salary', message: 'property salary should not exist' },
    ]);
  });

  it('answers a wrong shape (a string where an object belongs) with 400', async () => {
    const error = await refusal(body({ terms: 'full time' }));
    expect(error.status).toBe(400);
    expect((error.extensions.errors as { field: string }[]).map((e) => e.field)).toContain('terms');
  });

  it('does not convert types implicitly: "32" is not a number of hours', async () => {
    const error = await refusal(body({ terms: { employment: { hoursPerWeek: '32' } } }));
    expect(error.status).toBe(422);
    expect(error.extensions.errors).toEqual(
      expect.arrayContaining([
        { field: 'terms.employment.hoursPerWeek', message: 'hoursPerWeek must be a whole number' },
      ]),
    );
  });
});

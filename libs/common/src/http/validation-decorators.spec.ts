import { plainToInstance, Transform } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import { IsCalendarDate, PatchOptional, trimString } from './validation-decorators';

class PatchBody {
  @PatchOptional()
  @Transform(trimString)
  @IsString({ message: 'name must be text' })
  name?: string;

  @PatchOptional()
  @IsCalendarDate()
  startDate?: string;

  @PatchOptional()
  @IsCalendarDate({ message: 'endDate must be a date YYYY-MM-DD' })
  endDate?: string;
}

const problems = (plain: object) =>
  validateSync(plainToInstance(PatchBody, plain)).flatMap((e) =>
    Object.values(e.constraints ?? {}),
  );

describe('validation decorators', () => {
  it('lets a PATCH leave fields out but refuses null for them', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ name: null })).toEqual(['name must be text']);
  });

  it('accepts real calendar dates and names the field when one is not', () => {
    expect(problems({ startDate: '2028-02-29' })).toEqual([]);
    expect(problems({ startDate: '2026-02-30' })).toEqual([
      'startDate must be a date written as YYYY-MM-DD, e.g. 2026-09-01',
    ]);
    expect(problems({ endDate: '01-09-2026' })).toEqual(['endDate must be a date YYYY-MM-DD']);
  });

  it('trims strings and leaves other values for the validators', () => {
    expect(plainToInstance(PatchBody, { name: '  Windesheim ' }).name).toBe('Windesheim');
    expect(trimString({ value: 42 })).toBe(42);
  });
});

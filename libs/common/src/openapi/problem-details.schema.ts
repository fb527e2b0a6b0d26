import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** One field that failed validation (`errors` of a 400/422 problem). */
@ApiSchema({ name: 'FieldError' })
export class FieldErrorSchema {
  @ApiProperty({
    example: 'terms.employment.hoursPerWeek',
    description: 'Dotted path of the field',
  })
  field!: string;

  @ApiProperty({ example: 'hoursPerWeek must not be greater than 40' })
  message!: string;
}

/** An error as the API sends it: application/problem+json (RFC 9457). */
@ApiSchema({ name: 'ProblemDetails' })
export class ProblemDetailsSchema {
  @ApiProperty({
    format: 'uri',
    example: 'https://dualroute.example/problems/not-found',
    description: 'Identifies the kind of problem; stable, compare on it',
  })
  type!: string;

  @ApiProperty({ example: 'Not found' })
  title!: string;

  @ApiProperty({ type: 'integer', example: 404 })
  status!: number;

  @ApiProperty({ example: 'Student 0190… was not found.' })
  detail!: string;

  @ApiPropertyOptional({ description: 'The request path' })
  instance?: string;

  @ApiPropertyOptional({
    type: [FieldErrorSchema],
    description: 'For validation problems (400, 422): every field that failed and why',
  })
  errors?: FieldErrorSchema[];
}

import { ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { ValidationError as ClassValidatorError } from 'class-validator';
import { FieldError, ValidationError } from '../errors/domain-error';

/** Flattens class-validator's tree into `{ field: "terms.employment.hoursPerWeek", message }`. */
export function flattenValidationErrors(errors: ClassValidatorError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length && (error.value === undefined || error.value === null) && !error.constraints?.whitelistValidation) {
      // One clear message for a missing value instead of every rule it fails.
      result.push({ field, message: `${field} is required` });
      continue;
    }
    for (const message of messages) {
      result.push({ field, message });
    }
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, field));
  }
  return result;
}

/**
 * Unknown fields and wrong shapes are 400 (the request is malformed); a well-formed value that
 * breaks a rule (an invalid KvK number, a negative capacity) is 422. Both list the fields.
 */
export function createValidationPipe(options: ValidationPipeOptions = {}): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      const malformed = fieldErrors.some(
        (e) => /should not exist|must be an? (object|array)|nested property/.test(e.message),
      );
      return new ValidationError(fieldErrors, malformed ? 400 : 422);
    },
    ...options,
  });
}

/**
 * Validates every resolver argument at the edge (class-validator) and answers BAD_USER_INPUT
 * naming each offending field by its path in the input (e.g. `input.nationalId`).
 */
import { ValidationError, ValidationPipe } from '@nestjs/common';
import { BadUserInputError, FieldError } from '../errors/domain-error';

function flatten(errors: ValidationError[], prefix: string, out: FieldError[]): FieldError[] {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ field: path, message });
    if (error.children?.length) flatten(error.children, path, out);
  }
  return out;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new BadUserInputError(flatten(errors, '', [])),
  });
}

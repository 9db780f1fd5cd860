/**
 * Validates every resolver argument at the edge (class-validator) and answers BAD_USER_INPUT
 * naming each offending field by its path in the input (e.g. `input.nationalId`).
 */
import { ArgumentMetadata, Type, ValidationError, ValidationPipe } from '@nestjs/common';
import { BadUserInputError, FieldError } from '../errors/domain-error';
import { constraintMessage } from './constraint-messages';

function flatten(errors: ValidationError[], prefix: string, out: FieldError[]): FieldError[] {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const name of Object.keys(error.constraints ?? {})) out.push({ field: path, message: constraintMessage(error, name) });
    if (error.children?.length) flatten(error.children, path, out);
  }
  return out;
}

/**
 * GraphQL's parent object, context and info (Nest's GqlParamtype ROOT 0, CONTEXT 1, INFO 2; ARGS
 * is 3) are not client input: validating a parent entity would copy it through class-transformer
 * on every field it resolves.
 */
const NOT_INPUT: ReadonlySet<unknown> = new Set([0, 1, 2]);

/** Field paths start with the argument's name, as the client wrote it (`input.email`). */
class ArgumentValidationPipe extends ValidationPipe {
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    return !NOT_INPUT.has(metadata.type) && super.toValidate(metadata);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (err) {
      if (err instanceof BadUserInputError && metadata.data) {
        throw new BadUserInputError(err.fields.map((f) => ({ ...f, field: `${metadata.data}.${f.field}` })));
      }
      throw err;
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ArgumentValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new BadUserInputError(flatten(errors, '', [])),
  });
}

const shared = createValidationPipe();

/** What the validation pipe finds wrong in an argument of an input class, as named fields. */
export async function argumentProblems(metatype: Type, argument: string, value: unknown): Promise<FieldError[]> {
  try {
    await shared.transform(value, { type: 'body', metatype, data: argument });
    return [];
  } catch (err) {
    if (err instanceof BadUserInputError) return err.fields;
    throw err;
  }
}

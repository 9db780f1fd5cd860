/** Validation decorators for domain formats, on top of class-validator. */
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { nationalIdProblem } from './national-id';

/** A national ID or iqama number with a valid check digit. */
export function IsNationalId(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNationalId',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && nationalIdProblem(value) === null,
        // The field message by language: constraint-messages.ts (isNationalId).
        defaultMessage: (args: ValidationArguments) =>
          typeof args.value === 'string' ? `national ID ${nationalIdProblem(args.value)}` : 'national ID must be a string of 10 digits',
      },
    });
}

/** Ten digits starting with 1 or 2 (no check digit: used where the number is only looked up). */
export const NATIONAL_ID_FORMAT = /^[12][0-9]{9}$/;

/** At least 10 characters, with a letter and a digit. */
export const PASSWORD_RULE = /^(?=.*[A-Za-z\u0600-\u06FF])(?=.*[0-9]).{10,128}$/;

/** Saudi mobile numbers in international form: +9665XXXXXXXX. */
export const PHONE_RULE = /^\+9665[0-9]{8}$/;

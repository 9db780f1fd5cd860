/**
 * The field message of a failed class-validator constraint, in Arabic and English: a decorator's
 * own message when it gave one (`said(...)` puts it in the constraint's context), else the
 * constraint's catalogue message by name, with the constraint's arguments as parameters.
 */
import { getMetadataStorage, type ValidationError, type ValidationOptions } from 'class-validator';
import { FIELD } from '../i18n/core-messages';
import { isText, render, type Text } from '../i18n/messages';
import { MAX_SAR } from './money';
import { nationalIdProblem } from './national-id';

/** The options that make a decorator say `text` (English in class-validator's own message, both in its context). */
export function said(text: Text, options: ValidationOptions = {}): ValidationOptions {
  return { ...options, message: render(text, 'en'), context: { text } };
}

type ConstraintMessage = (args: readonly unknown[], value: unknown) => Text;

const num = (v: unknown): number | string => (typeof v === 'number' ? v : String(v));
const MAX_SAR_TEXT = MAX_SAR.toLocaleString('en');

/** By constraint name; a constraint not listed says FIELD.invalid (the catalogue test lists those in use). */
export const CONSTRAINT_MESSAGES: Readonly<Record<string, ConstraintMessage>> = {
  isString: () => FIELD.mustBeString(),
  isBoolean: () => FIELD.mustBeBoolean(),
  isInt: () => FIELD.mustBeInteger(),
  isDate: () => FIELD.mustBeDate(),
  isUuid: () => FIELD.mustBeUuid(),
  isEmail: () => FIELD.mustBeEmail(),
  isUrl: () => FIELD.mustBeHttpsUrl(),
  isPositive: () => FIELD.mustBePositive(),
  isEnum: (args) => FIELD.mustBeOneOf({ values: Array.isArray(args[1]) ? args[1].join(', ') : '' }),
  min: (args) => FIELD.min({ min: num(args[0]) }),
  max: (args) => FIELD.max({ max: num(args[0]) }),
  isLength: (args) =>
    args[1] === undefined ? FIELD.minLength({ min: num(args[0]) }) : FIELD.length({ min: num(args[0]), max: num(args[1]) }),
  maxLength: (args) => FIELD.maxLength({ max: num(args[0]) }),
  minLength: (args) => FIELD.minLength({ min: num(args[0]) }),
  arrayMinSize: (args) => FIELD.arrayMinSize({ min: num(args[0]) }),
  arrayMaxSize: (args) => FIELD.arrayMaxSize({ max: num(args[0]) }),
  arrayUnique: () => FIELD.arrayUnique(),
  arrayNotEmpty: () => FIELD.arrayNotEmpty(),
  matches: () => FIELD.badFormat(),
  nestedValidation: () => FIELD.mustBeObject(),
  isNotEmpty: () => FIELD.required(),
  isDefined: () => FIELD.required(),
  isNationalId: (_args, value) => nationalIdText(value),
  isSar: (args) => (args[0] ? FIELD.positiveSar({ max: MAX_SAR_TEXT }) : FIELD.sar({ max: MAX_SAR_TEXT })),
};

/** What is wrong with a national ID, as a message. */
export function nationalIdText(value: unknown): Text {
  const problem = typeof value === 'string' ? nationalIdProblem(value) : 'must be exactly 10 digits';
  if (problem === 'must be exactly 10 digits') return FIELD.nationalIdDigits();
  if (problem?.startsWith('must start with')) return FIELD.nationalIdStart();
  return FIELD.nationalIdCheckDigit();
}

function constraintArgs(error: ValidationError, name: string): readonly unknown[] {
  const target = error.target?.constructor;
  if (!target) return [];
  const found = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === name);
  return found?.constraints ?? [];
}

/** The message of one failed constraint of a validation error. */
export function constraintMessage(error: ValidationError, name: string): Text {
  const given = (error.contexts?.[name] as { text?: unknown } | undefined)?.text;
  if (isText(given)) return given;
  const known = CONSTRAINT_MESSAGES[name];
  return known ? known(constraintArgs(error, name), error.value) : FIELD.invalid();
}

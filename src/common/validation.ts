import { ArgumentMetadata, Injectable, PipeTransform, Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { FieldIssue, InputError } from './domain-error.js';

const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
// Unknown query parameters (a front end's cache-buster) are dropped, not refused; unknown body fields are refused.
const QUERY_OPTIONS = { ...VALIDATOR_OPTIONS, forbidNonWhitelisted: false };

/** PostgreSQL text cannot hold NUL; refuse it as input instead of failing on insert. */
function nulCharacters(value: unknown, path: string): FieldIssue[] {
  if (typeof value === 'string')
    return value.includes('\u0000') ? [{ field: path, message: 'must not contain NUL characters' }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulCharacters(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      nulCharacters(inner, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

/** class-validator's names of the rules that check a value's type. */
const TYPE_CONSTRAINTS = new Set([
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'nestedValidation',
]);

function flatten(errors: ValidationError[], prefix: string): FieldIssue[] {
  return errors.flatMap((error) => {
    const isIndex = /^\d+$/.test(error.property);
    const field = isIndex
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
    if (error.value === undefined && error.constraints && !error.children?.length) {
      return [{ field, message: 'is required' }];
    }
    const constraints = Object.entries(error.constraints ?? {});
    // A value of the wrong type gets the one message that says so, not the length and range rules on top.
    const typeOnly = constraints.filter(([name]) => TYPE_CONSTRAINTS.has(name));
    const own = (typeOnly.length ? typeOnly : constraints).map(([, message]) => ({
      field,
      // class-validator prefixes messages with the bare property name; the field path says it better
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function toInputError(issues: FieldIssue[], location: string): InputError {
  const located = issues.map((issue) => ({ ...issue, field: issue.field || location }));
  const summary = located.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
  return new InputError(located, summary);
}

export function validateInto<T extends object>(
  type: Type<T>,
  value: unknown,
  location: string,
  prefix = '',
): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw toInputError([{ field: prefix || location, message: 'must be a JSON object' }], location);
  }
  const nul = nulCharacters(value, prefix);
  if (nul.length) throw toInputError(nul, location);
  const instance = plainToInstance(type, value, { enableImplicitConversion: false });
  const issues = flatten(
    validateSync(instance, location === 'query' ? QUERY_OPTIONS : VALIDATOR_OPTIONS),
    prefix,
  );
  if (issues.length) throw toInputError(issues, location);
  return instance;
}

/** Global pipe: every @Body/@Query/@Param typed with a DTO class is validated with field-level details. */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const type = metadata.metatype;
    if (
      !type ||
      metadata.type === 'custom' ||
      [String, Boolean, Number, Array, Object].includes(type as never)
    ) {
      return value;
    }
    return validateInto(type as Type<object>, value ?? {}, metadata.type === 'body' ? 'body' : metadata.type);
  }
}

/** For bodies that are a JSON array of DTOs (the contract's PUT …/appointment-types). */
export class ArrayOf<T extends object> implements PipeTransform {
  constructor(
    private readonly type: Type<T>,
    private readonly limits: { min: number; max: number },
  ) {}

  transform(value: unknown): T[] {
    if (!Array.isArray(value)) throw InputError.field('body', 'must be a JSON array');
    if (value.length < this.limits.min || value.length > this.limits.max) {
      throw InputError.field('body', `must hold ${this.limits.min} to ${this.limits.max} items`);
    }
    const results: T[] = [];
    const issues: FieldIssue[] = [];
    value.forEach((item: unknown, index) => {
      try {
        results.push(validateInto(this.type, item, 'body', `[${index}]`));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        issues.push(...error.details);
      }
    });
    if (issues.length) throw toInputError(issues, 'body');
    return results;
  }
}

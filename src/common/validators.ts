import { Matches, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { isRealDate } from './gregorian.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive in paths and tokens; anything that is not a UUID can be answered 'unknown' before PostgreSQL refuses it. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const IsClockTime = (options?: ValidationOptions) =>
  Matches(HH_MM, { message: 'must be a clock time HH:mm', ...options });

/** Dates outside these years are no booking's business, and PostgreSQL or date arithmetic chokes at the edges. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  return year >= MIN_YEAR && year <= MAX_YEAR && isRealDate(year, month, day);
}

/** A calendar date YYYY-MM-DD that exists (no 2027-02-30). */
export const IsLocalDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isLocalDate',
      validator: { validate: isLocalDate, defaultMessage: () => 'must be a date YYYY-MM-DD' },
    },
    options,
  );

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant with an explicit offset (2027-01-12T09:20:00+01:00), in the years above: the fields a calendar and a
 * clock have (24:00 is the end of its day, as Luxon reads it). Checked field by field rather than by parsing
 * with Luxon, as every booking request asks it; validators.spec.ts holds the two to the same answers.
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const fields = INSTANT.exec(value);
  if (!fields) return false;
  const [year, month, day, hour, minute, second, fraction] = fields
    .slice(1)
    .map((field) => Number(field ?? 0));
  if (!isRealDate(year, month, day)) return false;
  if (minute > 59 || second > 59) return false;
  if (hour > 24 || (hour === 24 && minute + second + fraction > 0)) return false;
  const yearOfInstant = hour === 24 && month === 12 && day === 31 ? year + 1 : year;
  return yearOfInstant >= MIN_YEAR && yearOfInstant <= MAX_YEAR;
}

export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * May be left out, but not sent as null: class-validator's IsOptional lets null through to NOT NULL columns.
 * Fields that really are nullable keep IsOptional.
 */
export const Omittable = () => ValidateIf((_object, value) => value !== undefined);

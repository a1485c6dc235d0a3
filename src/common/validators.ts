import { DateTime } from 'luxon';
import { Matches, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';

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
  const year = Number(value.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR && DateTime.fromISO(value).isValid;
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

/** An instant with an explicit offset (2027-01-12T09:20:00+01:00), in the years above. */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return false;
  const instant = DateTime.fromISO(value, { setZone: true });
  return instant.isValid && instant.year >= MIN_YEAR && instant.year <= MAX_YEAR;
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

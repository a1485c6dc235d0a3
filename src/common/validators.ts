import { DateTime } from 'luxon';
import { Matches, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';

export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const IsClockTime = (options?: ValidationOptions) =>
  Matches(HH_MM, { message: 'must be a clock time HH:mm', ...options });

export function isLocalDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

/** A calendar date YYYY-MM-DD that exists (no 2027-02-30). */
export const IsLocalDate = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isLocalDate', validator: { validate: isLocalDate, defaultMessage: () => 'must be a date YYYY-MM-DD' } },
    options,
  );

export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * May be left out, but not sent as null: class-validator's IsOptional lets null through to NOT NULL columns.
 * Fields that really are nullable keep IsOptional.
 */
export const Omittable = () => ValidateIf((_object, value) => value !== undefined);

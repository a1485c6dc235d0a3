import type { FieldIssue } from '../common/domain-error.js';
import { minutesOf } from '../common/validators.js';

/** Pure checks on a calendar that class-validator cannot express field by field. */
export function openingHoursIssues(
  weekly: { weekday: number; opens: string; closes: string }[],
  slotMinutes: number,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  weekly.forEach((entry, index) => {
    const field = `weekly[${index}]`;
    const opens = minutesOf(entry.opens);
    const closes = minutesOf(entry.closes);
    if (opens >= closes) issues.push({ field: `${field}.closes`, message: 'must be after opens' });
    if (opens % slotMinutes)
      issues.push({ field: `${field}.opens`, message: `must be on the ${slotMinutes}-minute slot grid` });
    if (closes % slotMinutes) {
      issues.push({ field: `${field}.closes`, message: `must be on the ${slotMinutes}-minute slot grid` });
    }
    const overlapping = weekly.findIndex(
      (other, j) =>
        j < index &&
        other.weekday === entry.weekday &&
        minutesOf(other.opens) < closes &&
        opens < minutesOf(other.closes),
    );
    if (overlapping >= 0) {
      issues.push({ field, message: `overlaps weekly[${overlapping}] on the same weekday` });
    }
  });
  return issues;
}

export function appointmentTypeIssues(
  types: { code: string; durationMinutes: number }[],
  slotMinutes: number,
  fieldOf: (index: number) => string = (index) => `[${index}]`,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  types.forEach((type, index) => {
    if (type.durationMinutes % slotMinutes) {
      issues.push({
        field: `${fieldOf(index)}.durationMinutes`,
        message: `must be a multiple of slotMinutes (${slotMinutes})`,
      });
    }
    if (types.findIndex((other) => other.code === type.code) < index) {
      issues.push({ field: `${fieldOf(index)}.code`, message: `${type.code} is listed twice` });
    }
  });
  return issues;
}

/** High-assurance types (two staff) only at a centre that offers high assurance. */
export function highAssuranceIssues(
  types: { highAssurance?: boolean }[],
  offersHighAssurance: boolean,
  fieldOf: (index: number) => string = (index) => `[${index}]`,
): FieldIssue[] {
  if (offersHighAssurance) return [];
  return types.flatMap((type, index) =>
    type.highAssurance
      ? [{ field: `${fieldOf(index)}.highAssurance`, message: 'this centre does not offer high assurance' }]
      : [],
  );
}

export function closureIssues(closure: {
  from: string;
  to: string;
  startTime?: string | null;
  endTime?: string | null;
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (closure.from > closure.to) issues.push({ field: 'to', message: 'must not be before from' });
  const days = (Date.parse(closure.to) - Date.parse(closure.from)) / 86_400_000;
  if (days > 366) issues.push({ field: 'to', message: 'a closure may span at most 366 days' });
  if ((closure.startTime == null) !== (closure.endTime == null)) {
    issues.push({
      field: closure.startTime == null ? 'startTime' : 'endTime',
      message: 'give both startTime and endTime, or neither',
    });
  } else if (
    closure.startTime &&
    closure.endTime &&
    minutesOf(closure.startTime) >= minutesOf(closure.endTime)
  ) {
    issues.push({ field: 'endTime', message: 'must be after startTime' });
  }
  return issues;
}

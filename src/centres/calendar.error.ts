import { DomainError, FieldIssue } from '../common/domain-error.js';

export enum CalendarErrorCode {
  CentreNotFound = 'CALENDAR_CENTRE_NOT_FOUND',
  InvalidCalendar = 'CALENDAR_INVALID',
  BookedCapacityAffected = 'CALENDAR_BOOKED_CAPACITY_AFFECTED',
}

export class CalendarError extends DomainError<CalendarErrorCode> {
  constructor(
    code: CalendarErrorCode,
    message: string,
    details: FieldIssue[] = [],
    extra: Record<string, unknown> = {},
  ) {
    super(code, message, details, extra);
  }

  static centreNotFound(): CalendarError {
    return new CalendarError(CalendarErrorCode.CentreNotFound, 'No such centre');
  }
}

import { DomainError, FieldIssue } from '../common/domain-error.js';

export enum DeskErrorCode {
  AppointmentNotFound = 'DESK_APPOINTMENT_NOT_FOUND',
  WrongState = 'DESK_WRONG_STATE',
  IdentityNotEstablished = 'DESK_IDENTITY_NOT_ESTABLISHED',
  WitnessInvalid = 'DESK_WITNESS_INVALID',
  WitnessLimitReached = 'DESK_WITNESS_LIMIT_REACHED',
}

export class DeskError extends DomainError<DeskErrorCode> {
  constructor(code: DeskErrorCode, message: string, details: FieldIssue[] = []) {
    super(code, message, details);
  }

  static notFound(): DeskError {
    return new DeskError(DeskErrorCode.AppointmentNotFound, 'No such appointment');
  }
}

import { DomainError } from '../common/domain-error.js';

export enum QueueErrorCode {
  AppointmentNotFound = 'QUEUE_APPOINTMENT_NOT_FOUND',
  NotWaiting = 'QUEUE_NOT_WAITING',
  NobodyWaiting = 'QUEUE_NOBODY_WAITING',
}

export class QueueError extends DomainError<QueueErrorCode> {
  constructor(code: QueueErrorCode, message: string) {
    super(code, message);
  }

  static notFound(): QueueError {
    return new QueueError(QueueErrorCode.AppointmentNotFound, 'No such appointment');
  }
}

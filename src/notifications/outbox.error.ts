import { DomainError } from '../common/domain-error.js';

export enum OutboxErrorCode {
  MessageNotFound = 'OUTBOX_MESSAGE_NOT_FOUND',
  NotFailed = 'OUTBOX_MESSAGE_NOT_FAILED',
}

export class OutboxError extends DomainError<OutboxErrorCode> {
  constructor(code: OutboxErrorCode, message: string) {
    super(code, message);
  }

  static notFound(): OutboxError {
    return new OutboxError(OutboxErrorCode.MessageNotFound, 'No such message');
  }

  static notFailed(): OutboxError {
    return new OutboxError(
      OutboxErrorCode.NotFailed,
      'Only a message whose delivery failed can be sent again',
    );
  }
}

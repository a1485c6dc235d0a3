import { DomainError } from '../common/domain-error.js';

export enum AuthErrorCode {
  NotAuthenticated = 'AUTH_NOT_AUTHENTICATED',
  InvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  Forbidden = 'AUTH_FORBIDDEN',
  EmailTaken = 'AUTH_EMAIL_TAKEN',
  UserNotFound = 'AUTH_USER_NOT_FOUND',
}

export class AuthError extends DomainError<AuthErrorCode> {
  constructor(code: AuthErrorCode, message: string) {
    super(code, message);
  }
}

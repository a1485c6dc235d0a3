export interface FieldIssue {
  field: string;
  message: string;
}

/** Base of every capability's error: services throw these, the exception filter maps `code` to HTTP. */
export abstract class DomainError<Code extends string = string> extends Error {
  protected constructor(
    readonly code: Code,
    message: string,
    readonly details: FieldIssue[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export enum InputErrorCode {
  Invalid = 'INPUT_INVALID',
  MalformedJson = 'INPUT_MALFORMED_JSON',
}

export class InputError extends DomainError<InputErrorCode> {
  constructor(details: FieldIssue[], message = 'The request is not valid', code = InputErrorCode.Invalid) {
    super(code, message, details);
  }

  static field(field: string, message: string): InputError {
    return new InputError([{ field, message }], `${field}: ${message}`);
  }
}

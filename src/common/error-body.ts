import { STATUS_CODES } from 'node:http';
import { FieldIssue } from './domain-error.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: FieldIssue[];
  [extra: string]: unknown;
}

export function errorBody(
  statusCode: number,
  message: string,
  details: FieldIssue[] = [],
  extra: Record<string, unknown> = {},
): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, details, ...extra };
}

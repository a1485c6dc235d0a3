import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiResponseOptions,
  getSchemaPath,
} from '@nestjs/swagger';
import type { UnavailableReason } from './database-unavailable.js';

// The OpenAPI side of error-body.ts and http-exception.filter.ts: one schema for every error a route answers.

export class FieldIssueView {
  @ApiProperty({ example: 'applicant.cprNumber' }) field: string;
  @ApiProperty({ example: 'must be a valid CPR number, DDMMYY-SSSS' }) message: string;
}

const UNAVAILABLE_REASONS: UnavailableReason[] = [
  'connection refused',
  'connection lost',
  'server shutting down',
  'server not accepting connections',
  'timed out',
];

/** The contract's error body, whatever answers it. */
export class ErrorBodyView {
  @ApiProperty({ type: 'integer', example: 404 }) statusCode: number;
  @ApiProperty({ example: 'Not Found', description: 'the reason phrase of statusCode' }) error: string;
  @ApiProperty({ example: 'No such centre' }) message: string;
  @ApiProperty({
    type: [FieldIssueView],
    description: 'the fields refused; empty unless a field is at fault',
  })
  details: FieldIssueView[];
}

/** A 422: the same body, with every refused field named in details. */
export class ValidationErrorBodyView {
  @ApiProperty({ type: 'integer', example: 422 }) statusCode: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error: string;
  @ApiProperty({ example: 'applicant.cprNumber: must be a valid CPR number, DDMMYY-SSSS' }) message: string;
  @ApiProperty({ type: [FieldIssueView], minItems: 1, description: 'each field refused, and why' })
  details: FieldIssueView[];
}

/** A 503: the same body, with why when the database is out of reach. */
export class UnavailableErrorBodyView extends ErrorBodyView {
  @ApiPropertyOptional({
    enum: UNAVAILABLE_REASONS,
    description: 'why the database could not be used; absent when the instance is shutting down',
  })
  reason?: UnavailableReason;
}

interface ErrorResponse {
  description: string;
  type?: Type<unknown>;
  headers?: Record<string, { description: string; schema: { type: 'integer' } }>;
}

const RETRY_AFTER = {
  'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer' } },
} satisfies ErrorResponse['headers'];

/** The statuses a route can answer with the error body, and what each means on any route. */
const ERRORS = {
  401: {
    description: 'no valid bearer token: missing, bad or expired, or the account is gone or disabled',
  },
  403: { description: 'a role or centre the caller does not have' },
  404: { description: 'no such resource (an unknown id or reference)' },
  409: { description: 'the current state forbids the action' },
  422: {
    description: 'the request is not valid: each refused field is named in details',
    type: ValidationErrorBodyView,
  },
  429: {
    description: 'the rate limit is exceeded',
    headers: {
      ...RETRY_AFTER,
      'RateLimit-Limit': { description: 'requests allowed per minute', schema: { type: 'integer' } },
      'RateLimit-Remaining': { description: 'requests left this minute', schema: { type: 'integer' } },
    },
  },
  503: {
    description:
      'the database is out of reach, or the instance is shutting down: try again after Retry-After',
    type: UnavailableErrorBodyView,
    headers: RETRY_AFTER,
  },
} satisfies Record<number, ErrorResponse>;

export type ErrorStatus = keyof typeof ERRORS;

/** The schemas of the error bodies, for the document's components. */
export const ERROR_BODY_MODELS = [ErrorBodyView, ValidationErrorBodyView, UnavailableErrorBodyView];

/**
 * The response object of an error status; `description` and `type` say more where one route means more. Always
 * JSON, also on a route that produces something else (the display's event stream).
 */
export function errorResponse(
  status: ErrorStatus,
  description?: string,
  type?: Type<unknown>,
): ApiResponseOptions {
  const base: ErrorResponse = ERRORS[status];
  const schema = { $ref: getSchemaPath(type ?? base.type ?? ErrorBodyView) };
  return {
    status,
    description: description ?? base.description,
    headers: base.headers,
    content: { 'application/json': { schema } },
  };
}

/** Documents the error statuses a route or controller answers, each with the contract's error body. */
export const ApiErrors = (...statuses: ErrorStatus[]) =>
  applyDecorators(
    ApiExtraModels(...ERROR_BODY_MODELS),
    ...statuses.map((status) => ApiResponse(errorResponse(status))),
  );

/** One error status with what it means on this route (and its own body, when it carries more). */
export const ApiError = (status: ErrorStatus, description: string, type: Type<unknown> = ErrorBodyView) =>
  applyDecorators(
    ApiExtraModels(...ERROR_BODY_MODELS, type),
    ApiResponse(errorResponse(status, description, type)),
  );

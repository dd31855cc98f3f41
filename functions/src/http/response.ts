import type { AppError, ErrorCode } from '@crux/domain/errors';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type ApiResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number };

const baseHeaders = {
  'content-type': 'application/json; charset=utf-8',
  // Answers hold personal data: no cache anywhere may keep them.
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { statusCode, headers: { ...baseHeaders, ...headers }, body: JSON.stringify(body) };
}

/** The HTTP status of each error code; the OpenAPI document lists the codes a route may answer from it. */
export const statusOf: Record<ErrorCode, number> = {
  validation: 400,
  idempotency_key_missing: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  internal: 500,
};

export function errorResponse(error: AppError): ApiResponse {
  return json(statusOf[error.code], { error });
}

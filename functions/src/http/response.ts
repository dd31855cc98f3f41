import { apiHeaders, errorAnswer } from '@crux/api/errors';
import type { AppError } from '@crux/domain/errors';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type ApiResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { statusCode, headers: { ...apiHeaders, ...headers }, body: JSON.stringify(body) };
}

export function errorResponse(error: AppError): ApiResponse {
  const answer = errorAnswer(error);
  return { statusCode: answer.status, headers: answer.headers, body: answer.body };
}

/**
 * Answers a handler gives because the caller may not reach the record (a volunteer's own-record check,
 * which needs the record), not because it is missing: the access log writes them as refused.
 */
const refusals = new WeakSet<ApiResponse>();

/** The error's answer, marked as the caller's refusal for the access log (access-log.ts). */
export function refusalResponse(error: AppError): ApiResponse {
  const answer = errorResponse(error);
  refusals.add(answer);
  return answer;
}

export const isRefusal = (answer: ApiResponse): boolean => refusals.has(answer);

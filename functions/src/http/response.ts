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

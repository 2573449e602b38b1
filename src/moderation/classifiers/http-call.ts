// One HTTP request to a classifier, with every failure as a ClassifierError.
import { ClassifierError } from './types.ts';

export interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

const MAX_BODY = 1024 * 1024;

export async function call(url: string, init: RequestInit & { signal: AbortSignal }): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'error' });
  } catch (error) {
    throw failure(error, init.signal);
  }
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    throw failure(error, init.signal);
  }
  if (body.length > MAX_BODY) throw new ClassifierError('response', `answer of ${body.length} characters is too long`);
  return { status: response.status, headers: response.headers, body };
}

function failure(error: unknown, signal: AbortSignal): ClassifierError {
  if (signal.aborted) return new ClassifierError('timeout', 'no answer in time');
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return new ClassifierError('network', cause?.code ?? cause?.message ?? (error as Error).message);
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new ClassifierError('response', 'answer is not JSON');
  }
}

import type { ErrorCode } from '@cppcc/shared';

/** Error answered by the API: `message` is already Chinese, `code` is stable for logic. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** Hooks the app installs at start-up, so that this module stays free of React and router imports. */
interface ClientHandlers {
  onUnauthenticated: (expired: boolean) => void;
  onPasswordChangeRequired: () => void;
}

let csrfToken: string | null = null;
let handlers: ClientHandlers = { onUnauthenticated: () => {}, onPasswordChangeRequired: () => {} };

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function configureClient(next: ClientHandlers) {
  handlers = next;
}

type Query = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

/** Builds `/api/x?a=1&b=2`, leaving out empty values. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)));
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Login and the initial probe handle 401 themselves. */
  skipAuthRedirect?: boolean;
}

function writeHeaders(isWrite: boolean): Record<string, string> {
  return isWrite && csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

async function toApiError(response: Response, skipAuthRedirect?: boolean): Promise<ApiError> {
  let body: { code?: ErrorCode; message?: string; details?: unknown } = {};
  try {
    body = await response.json();
  } catch {
    // Not JSON (proxy error page): fall through to a generic message.
  }
  const error = new ApiError(
    response.status,
    body.code ?? 'INTERNAL',
    body.message ??
      (response.status >= 500 ? '服务器暂时无法处理请求，请稍后再试' : `请求失败（${response.status}）`),
    body.details,
  );
  if (!skipAuthRedirect) {
    if (response.status === 401) handlers.onUnauthenticated(error.code === 'SESSION_EXPIRED');
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') handlers.onPasswordChangeRequired();
  }
  return error;
}

async function send(url: string, init: RequestInit, skipAuthRedirect?: boolean): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络');
  }
  if (!response.ok) throw await toApiError(response, skipAuthRedirect);
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const isWrite = method !== 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...writeHeaders(isWrite) };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await send(
    apiUrl(path, options.query),
    { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) },
    options.skipAuthRedirect,
  );
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Multipart upload of one file in field `file`. */
export async function uploadFile<T>(
  path: string,
  file: File,
  fields: Record<string, string> = {},
): Promise<T> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', file);
  const response = await send(path, {
    method: 'POST',
    headers: { accept: 'application/json', ...writeHeaders(true) },
    body: form,
  });
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Downloads a file answer (xlsx export, template) and saves it under the server's file name. */
export async function downloadFile(path: string, query?: Query, fallbackName = '导出.xlsx'): Promise<void> {
  const response = await send(apiUrl(path, query), { method: 'GET' });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Field problems of an answer (VALIDATION_FAILED, DUPLICATE …) as `details.fields`. */
export function fieldIssues(error: unknown): FieldIssue[] {
  if (!(error instanceof ApiError)) return [];
  const fields = (error.details as { fields?: FieldIssue[] } | undefined)?.fields;
  return Array.isArray(fields) ? fields : [];
}

/** The JSON error body every API route answers with. */
export interface ApiError {
  error: string;
  fields?: Record<string, string[]>;
  retryAfter?: number;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError };

const UNREACHABLE: ApiResult<never> = { ok: false, status: 0, error: { error: "Could not reach the server. Check your connection and try again." } };

/**
 * Calls a JSON API route and returns its body or its error, never throwing on 4xx/5xx.
 * A success whose body cannot be read (cut off when the server stopped mid-answer, or not
 * JSON) is no success: callers would take whatever stood in for it as their data.
 */
export async function callApi<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    return UNREACHABLE;
  }
  if (res.status === 204) return { ok: true, data: undefined as T };
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return res.ok ? UNREACHABLE : { ok: false, status: res.status, error: { error: `Request failed (${res.status}).` } };
  }
  return res.ok ? { ok: true, data: body as T } : { ok: false, status: res.status, error: body as ApiError };
}

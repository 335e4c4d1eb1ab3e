/** The JSON error body every API route answers with. */
export interface ApiError {
  error: string;
  fields?: Record<string, string[]>;
  retryAfter?: number;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError };

/** Calls a JSON API route and returns its body or its error, never throwing on 4xx/5xx. */
export async function callApi<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (res.status === 204) return { ok: true, data: undefined as T };
    const body = await res.json().catch(() => ({ error: `Request failed (${res.status}).` }));
    return res.ok ? { ok: true, data: body as T } : { ok: false, status: res.status, error: body as ApiError };
  } catch {
    return { ok: false, status: 0, error: { error: "Could not reach the server. Check your connection and try again." } };
  }
}

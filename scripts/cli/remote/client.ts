import { InputError, RemoteError } from "../errors";
import type { Remote } from "./config";

const TIMEOUT_MS = 120_000;

export interface RequestOptions {
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** statuses the caller reads itself instead of failing on (e.g. 409 with conflicts) */
  allow?: number[];
}

/** The message of an error answer: its JSON `error`, else the start of its text. */
async function messageOf(res: Response): Promise<{ message: string; body: Record<string, unknown> | null }> {
  const text = await res.text().catch(() => "");
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (typeof body.error === "string") return { message: body.error, body };
  } catch {
    // not JSON: a proxy's page, for instance
  }
  return { message: text.trim().split("\n")[0]?.slice(0, 200) || res.statusText || `status ${res.status}`, body: null };
}

/** Calls a Specwright server's /api with an API token; each failure becomes one clear error. */
export class Api {
  constructor(readonly remote: Remote) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.remote.token}`, ...options.headers };
    let body = options.body;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    }
    let res: Response;
    try {
      res = await fetch(`${this.remote.url}${path}`, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new RemoteError(`cannot reach ${this.remote.url}: ${reasonOf(error)}`);
    }
    if (res.ok || options.allow?.includes(res.status)) return res;
    throw await this.failure(res, `${method} ${path}`);
  }

  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const res = await this.request(method, path, options);
    try {
      return (await res.json()) as T;
    } catch {
      throw new RemoteError(`${this.remote.url} answered ${method} ${path} with something that is not JSON; is it a Specwright server?`);
    }
  }

  private async failure(res: Response, what: string): Promise<Error> {
    const { message } = await messageOf(res);
    const url = this.remote.url;
    if (res.status === 401) return new RemoteError(`${url} refused the API token (${message}); run specwright login ${url} with a valid token`);
    if (res.status === 429) {
      const after = res.headers.get("retry-after");
      return new RemoteError(`${url} is limiting this token's requests: ${message}${after ? ` (try again in ${after} s)` : ""}`);
    }
    if (res.status >= 300 && res.status < 400) return new RemoteError(`${url} answered ${what} with a redirect to ${res.headers.get("location") ?? "elsewhere"}; is it the server's address?`);
    if (res.status >= 500) return new RemoteError(`${url} failed on ${what} (${res.status}): ${message}`);
    if (res.status === 403) return new InputError(`refused (403): ${message}`);
    if (res.status === 404) return new InputError(`not found (404): ${message}`);
    return new InputError(`${res.status}: ${message}`);
  }
}

/** "ECONNREFUSED", "ENOTFOUND", a timeout: the root cause fetch wraps. */
function reasonOf(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code === "ECONNREFUSED") return "connection refused (is the server running?)";
  if (cause?.code === "ENOTFOUND") return "no such host";
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** The error answer of a status the caller allowed (`allow`), as message and JSON body. */
export async function refusal(res: Response): Promise<{ message: string; body: Record<string, unknown> | null }> {
  return messageOf(res);
}

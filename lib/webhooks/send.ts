import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { isPrivateAddress } from "./url";

/** How much of a receiver's answer is kept for admins to read. */
export const RESPONSE_KEPT = 2000;

export interface SendResult {
  status: number | null;
  body: string;
  error: string | null;
}

/** Reads at most `max` characters of an answer, then stops reading. */
async function readStart(res: Response, max: number): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (text.length < max) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => {});
  return text.slice(0, max);
}

/** Refuses a host name that resolves to a loopback or private address (names are checked here, when sending). */
async function refusePrivate(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.some(isPrivateAddress)) throw new Error(`${url.hostname} resolves to a private address; WEBHOOK_ALLOW_PRIVATE=1 allows it`);
}

/**
 * POSTs one signed body, following no redirect (a 3xx is a failure: the endpoint should be
 * updated), giving up after `timeoutMs`. Never throws: a refused or timed-out request comes
 * back as `{ status: null, error }`.
 */
export async function postBody(url: string, body: string, headers: Record<string, string>, options: { timeoutMs: number; allowPrivate: boolean }): Promise<SendResult> {
  try {
    const target = new URL(url);
    if (!options.allowPrivate) await refusePrivate(target);
    const res = await fetch(target, { method: "POST", body, headers: { "content-type": "application/json", "user-agent": "Specwright-Webhooks", ...headers }, redirect: "manual", signal: AbortSignal.timeout(options.timeoutMs) });
    const text = await readStart(res, RESPONSE_KEPT);
    return { status: res.status, body: text, error: res.ok ? null : `the receiver answered ${res.status}` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    const message = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${options.timeoutMs} ms` : `${error instanceof Error ? error.message : String(error)}${cause}`;
    return { status: null, body: "", error: message.slice(0, 500) };
  }
}

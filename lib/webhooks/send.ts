import { lookup } from "node:dns/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { useAgent } from "request-filtering-agent";
import { isPrivateAddress } from "./url";

/** How much of a receiver's answer is kept for admins to read. */
export const RESPONSE_KEPT = 2000;

export interface SendResult {
  status: number | null;
  body: string;
  error: string | null;
}

/** The addresses a host name has, as the system resolver says. */
export type Resolve = (host: string) => Promise<string[]>;
const systemResolve: Resolve = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

/** Refuses a host name that resolves to a loopback or private address (names are checked here, when sending). */
async function refusePrivate(url: URL, resolve: Resolve): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : await resolve(host);
  if (addresses.some(isPrivateAddress)) throw new Error(`${url.hostname} resolves to a private address; WEBHOOK_ALLOW_PRIVATE=1 allows it`);
}

/**
 * POSTs one signed body, following no redirect (a 3xx is a failure: the endpoint should be
 * updated), giving up after `timeoutMs`. Unless private addresses are allowed, the address
 * connected to is checked when connecting (request-filtering-agent), not only when the name
 * was looked up before: a name that answers otherwise the second time reaches nothing
 * private. Never throws: a refused or timed-out request comes back as `{ status: null, error }`.
 */
export async function postBody(url: string, body: string, headers: Record<string, string>, options: { timeoutMs: number; allowPrivate: boolean; resolve?: Resolve }): Promise<SendResult> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const target = new URL(url);
    if (!options.allowPrivate) await refusePrivate(target, options.resolve ?? systemResolve);
    const { status, text } = await post(target, body, { "content-type": "application/json", "user-agent": "Specwright-Webhooks", ...headers }, { signal, allowPrivate: options.allowPrivate });
    const ok = status >= 200 && status < 300;
    return { status, body: text, error: ok ? null : `the receiver answered ${status}` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error && error.cause.message !== (error as Error).message ? `: ${error.cause.message}` : "";
    const message = signal.aborted ? `no answer within ${options.timeoutMs} ms` : `${error instanceof Error ? error.message : String(error)}${cause}`;
    return { status: null, body: "", error: message.slice(0, 500) };
  }
}

/** One POST with node's http(s); the answer's status and its first RESPONSE_KEPT characters (the rest is not read). */
function post(url: URL, body: string, headers: Record<string, string>, options: { signal: AbortSignal; allowPrivate: boolean }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const agent = options.allowPrivate ? undefined : useAgent(url.href);
    const req = send(url, { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, agent, signal: options.signal }, (res) => {
      let text = "";
      const done = () => resolve({ status: res.statusCode ?? 0, text: text.slice(0, RESPONSE_KEPT) });
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
        if (text.length >= RESPONSE_KEPT) {
          done();
          res.destroy();
        }
      });
      res.on("end", done);
      res.on("error", () => done());
    });
    req.on("error", reject);
    req.end(body);
  });
}

import type { Db } from "../db";
import { SecretKeyError } from "../secrets/secretBox";
import { defaultSchedule, MAX_WEBHOOK_ATTEMPTS, type RetrySchedule } from "./backoff";
import type { EventPayload } from "./payload";
import { renderBody } from "./payload";
import { postBody, type SendResult } from "./send";
import { EVENT_HEADER, EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from "./sign";
import { signingSecret } from "./storedSecret";
import { privateAddressesAllowed } from "./url";

/** Deliveries one run claims at most. */
export const WEBHOOK_BATCH = 20;
/** A claimed row is left to its claimer this long (far longer than a request may take). */
const CLAIM_MS = 5 * 60_000;
const DEFAULT_TIMEOUT_MS = 10_000;

interface DeliveryLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DeliverWebhooksOptions {
  /** makes document links in payloads absolute (NEXTAUTH_URL) */
  baseUrl: string;
  log?: DeliveryLog;
  /** the moment this run happens: rows due by then are sent, and retries are scheduled from it */
  now?: Date;
  /** when to retry after a failure (default: 30 s doubling to 4 h) */
  schedule?: RetrySchedule;
  maxAttempts?: number;
  timeoutMs?: number;
  allowPrivate?: boolean;
}

interface Claimed {
  id: string;
  eventId: string;
  event: string;
  payload: EventPayload;
  attempts: number;
  url: string;
  secret: string;
  workspaceId: string;
  slack: boolean;
}

/**
 * Claims up to WEBHOOK_BATCH due deliveries of enabled endpoints for this process: rows another
 * process holds are skipped (FOR UPDATE SKIP LOCKED), and each claimed row counts an attempt
 * and is pushed CLAIM_MS ahead, so no other process picks it up while this one sends.
 */
function claim(db: Db, now: Date, maxAttempts: number): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" AS d
    SET "attempts" = d."attempts" + 1, "nextAttemptAt" = ${new Date(now.getTime() + CLAIM_MS)}, "lastAttemptAt" = ${now}
    FROM "Webhook" AS w
    WHERE w.id = d."webhookId" AND d.id IN (
      SELECT q.id FROM "WebhookDelivery" AS q JOIN "Webhook" AS h ON h.id = q."webhookId"
      WHERE q."deliveredAt" IS NULL AND q."gaveUpAt" IS NULL AND h."enabled"
        AND q."attempts" < ${maxAttempts} AND q."nextAttemptAt" <= ${now}
      ORDER BY q."createdAt", q.id
      LIMIT ${WEBHOOK_BATCH}
      FOR UPDATE OF q SKIP LOCKED
    )
    RETURNING d.id, d."eventId", d."event", d."payload", d."attempts", w."url", w."secret", w."workspaceId", w."slack"`;
}

/**
 * Sends due webhook deliveries (the WebhookDelivery table is the outbox), each signed with
 * its endpoint's secret: `Specwright-Signature: t=<unix seconds>,v1=<HMAC-SHA256 of "t.body">`,
 * plus `Specwright-Event-Id` and `Specwright-Event`. A 2xx answer marks the row delivered.
 * Anything else (another status, a refused connection, no answer within `timeoutMs`) is
 * logged and retried after `schedule(attempts)`; after `maxAttempts` it is logged as given
 * up. Several processes may run this at once: each row is claimed by one of them. Returns
 * how many were delivered.
 */
export async function deliverPendingWebhooks(db: Db, options: DeliverWebhooksOptions): Promise<number> {
  const now = options.now ?? new Date();
  const maxAttempts = options.maxAttempts ?? MAX_WEBHOOK_ATTEMPTS;
  const allowPrivate = options.allowPrivate ?? privateAddressesAllowed();
  let delivered = 0;
  for (const d of await claim(db, now, maxAttempts)) {
    const body = renderBody(d.payload, { slack: d.slack, baseUrl: options.baseUrl });
    const timestamp = Math.floor(Date.now() / 1000);
    const secret = openSecret(d);
    const result =
      typeof secret === "string"
        ? await postBody(d.url, body, { [EVENT_ID_HEADER]: d.eventId, [EVENT_HEADER]: d.event, [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, body) }, { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, allowPrivate })
        : secret;
    const common = { responseStatus: result.status, responseBody: result.body, lastError: result.error };
    if (!result.error) {
      await db.webhookDelivery.update({ where: { id: d.id }, data: { ...common, deliveredAt: new Date(), nextAttemptAt: null } });
      delivered++;
      continue;
    }
    const givenUp = d.attempts >= maxAttempts;
    const nextAttemptAt = givenUp ? null : new Date(now.getTime() + (options.schedule ?? defaultSchedule)(d.attempts));
    await db.webhookDelivery.update({ where: { id: d.id }, data: { ...common, nextAttemptAt, ...(givenUp ? { gaveUpAt: now } : {}) } });
    const facts = { deliveryId: d.id, eventId: d.eventId, event: d.event, attempts: d.attempts, status: result.status, error: result.error };
    if (givenUp) options.log?.error(facts, "gave up delivering a webhook");
    else options.log?.warn({ ...facts, nextAttemptAt }, "delivering a webhook failed; will retry");
  }
  return delivered;
}

/** The endpoint's signing secret, or why it cannot be used (sealed with another SPECWRIGHT_SECRET_KEY): nothing is sent then. */
function openSecret(d: Claimed): string | SendResult {
  try {
    return signingSecret(d.secret, d.workspaceId);
  } catch (error) {
    if (!(error instanceof SecretKeyError)) throw error;
    return { status: null, body: "", error: "The endpoint's signing secret cannot be opened with this SPECWRIGHT_SECRET_KEY: make a new secret for it." };
  }
}

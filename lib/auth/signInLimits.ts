import type { DbTx } from "../db";
import { TooManyRequests } from "../errors";
import { ipRange } from "../limits/ipRange";
import { limitKey } from "../limits/limit";
import { consume, limiter } from "../limits/store";
import { SESSION_MAX_AGE_SECONDS } from "./sessions";

/**
 * Failed sign-ins, counted in PostgreSQL before the password is checked (so parallel guesses
 * are refused, not all checked). A success gives its own point back, so the counts are of
 * failures:
 * - per account and address: 5 a minute, and 20 a day (the backoff);
 * - per network (/24, /64): 50 in 15 minutes, whatever accounts are tried;
 * - per account from anywhere: 100 an hour, except from networks the account signed in
 *   from recently, so nobody can lock a person out from elsewhere.
 */
const RULES = {
  pair: () => limiter("signin:pair", 5, 60),
  pairDay: () => limiter("signin:pairday", 20, 24 * 3600),
  network: () => limiter("signin:net", 50, 15 * 60),
  account: () => limiter("signin:account", 100, 3600),
};

export interface SignInTicket {
  pairKey: string;
  networkKey: string | null;
  accountKey: string;
}

/** Whether the account signed in from `network` within the session lifetime. */
async function knownNetwork(db: DbTx, email: string, network: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { email },
    select: { sessions: { where: { createdAt: { gt: new Date(Date.now() - SESSION_MAX_AGE_SECONDS * 1000) } }, select: { ip: true }, orderBy: { createdAt: "desc" }, take: 50 } },
  });
  return Boolean(user?.sessions.some((s) => s.ip && ipRange(s.ip) === network));
}

/**
 * Admits one sign-in attempt for `email` from `ip`, consuming a point of each limit first.
 * Throws TooManyRequests (with a retry time) when any limit is used up.
 */
export async function admitSignIn(db: DbTx, email: string, ip: string | undefined): Promise<SignInTicket> {
  const network = ip ? ipRange(ip) : null;
  const ticket: SignInTicket = { pairKey: limitKey(`${email}|${ip ?? "-"}`), networkKey: network, accountKey: limitKey(email) };
  await consume(RULES.pair(), ticket.pairKey);
  await consume(RULES.pairDay(), ticket.pairKey);
  if (ticket.networkKey) await consume(RULES.network(), ticket.networkKey);
  try {
    await consume(RULES.account(), ticket.accountKey);
  } catch (error) {
    if (!(error instanceof TooManyRequests) || !network || !(await knownNetwork(db, email, network))) throw error;
  }
  return ticket;
}

/** After a correct password: the attempt's points go back and the pair starts afresh. */
export async function signInSucceeded(ticket: SignInTicket): Promise<void> {
  await Promise.all([
    RULES.pair().delete(ticket.pairKey),
    RULES.pairDay().reward(ticket.pairKey, 1),
    ticket.networkKey ? RULES.network().reward(ticket.networkKey, 1) : undefined,
    RULES.account().reward(ticket.accountKey, 1),
  ]);
}

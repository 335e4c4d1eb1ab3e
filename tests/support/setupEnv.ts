import { threadId } from "node:worker_threads";
import { inject } from "vitest";
import { ensureDatabase } from "../../lib/db/ensureDatabase";

// each test worker has a database of its own, a copy of the run's migrated one, so files run
// side by side (the files of one worker run one after another on it, as before); code that
// uses the process-wide client (getDb) talks to it. Named by the worker's process and thread:
// VITEST_POOL_ID was shared by two live workers once three ran at a time
const template = inject("templateDatabase");
process.env.DATABASE_URL = await ensureDatabase(inject("serverUrl"), `${template}_p${process.pid}_t${threadId}`, template);
// these tests sign many people up on one database, as SIGNUP=open allows; the default
// (by invitation once the site has an account, without mail) is tried in
// tests/integration/auth/emailAndPasswords.test.ts
process.env.SIGNUP = "open";

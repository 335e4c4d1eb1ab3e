import { inject } from "vitest";

// code that uses the process-wide client (getDb) talks to this run's database
process.env.DATABASE_URL = inject("databaseUrl");
// these tests sign many people up on one database, as SIGNUP=open allows; the default
// (by invitation once the site has an account, without mail) is tried in
// tests/integration/auth/emailAndPasswords.test.ts
process.env.SIGNUP = "open";

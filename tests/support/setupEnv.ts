import { inject } from "vitest";

// code that uses the process-wide client (getDb) talks to this run's database
process.env.DATABASE_URL = inject("databaseUrl");

// Prisma CLI configuration. The JavaScript schema engine talks to PostgreSQL through the
// same `pg` driver adapter as the app, so `generate`, `migrate deploy` and `migrate diff`
// need no downloaded engine binary.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { patchCatalogTypes } from "./lib/db/catalogTypes";
import { connectionFields } from "./lib/db/url";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  async adapter() {
    patchCatalogTypes();
    // Separate fields, not a connection string: with a string the adapter's shadow
    // database silently points at the main database.
    return new PrismaPg({
      ...connectionFields(process.env.DATABASE_URL ?? "postgresql://localhost:5432/specwright"),
      // let the CLI exit as soon as it is done instead of waiting for idle connections
      allowExitOnIdle: true,
      idleTimeoutMillis: 100,
    });
  },
});

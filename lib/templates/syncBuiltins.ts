import type { Db, Prisma } from "../db";
import { contentHash } from "../util/hash";
import { BUILTIN_TEMPLATES } from "./builtins";

const synced = new WeakSet<object>();

/**
 * Makes the database's built-in templates match the code: inserts new ones and, when a
 * definition changed, stores it as the next version (documents keep the version they came
 * from). Runs once per process and client.
 */
export async function syncBuiltinTemplates(db: Db): Promise<void> {
  if (synced.has(db)) return;
  for (const def of BUILTIN_TEMPLATES) {
    const definition = def as unknown as Prisma.InputJsonValue;
    const existing = await db.template.findFirst({ where: { workspaceId: null, key: def.key } });
    if (!existing) {
      await db.template
        .create({
          data: { key: def.key, name: def.name, description: def.description, builtin: true, definition, versions: { create: { version: 1, definition } } },
        })
        .catch(async (error: unknown) => {
          // another process inserted it first
          if (!(await db.template.findFirst({ where: { workspaceId: null, key: def.key } }))) throw error;
        });
      continue;
    }
    if (contentHash(existing.definition) === contentHash(def)) continue;
    const version = existing.version + 1;
    await db.$transaction([
      db.template.update({ where: { id: existing.id }, data: { name: def.name, description: def.description, definition, version } }),
      db.templateVersion.create({ data: { templateId: existing.id, version, definition } }),
    ]);
  }
  synced.add(db);
}

import { Prisma, type Db } from "../db";
import { contentHash } from "../util/hash";
import { BUILTIN_TEMPLATES } from "./builtins";

const syncing = new WeakMap<object, Promise<void>>();

/**
 * Makes the database's built-in templates match the code: inserts new ones and, when a
 * definition changed, stores it as the next version (documents keep the version they came
 * from). Runs once per process and client.
 */
export function syncBuiltinTemplates(db: Db): Promise<void> {
  let running = syncing.get(db);
  if (!running) {
    running = sync(db).catch((error: unknown) => {
      syncing.delete(db); // try again on the next request
      throw error;
    });
    syncing.set(db, running);
  }
  return running;
}

async function sync(db: Db): Promise<void> {
  for (const def of BUILTIN_TEMPLATES) {
    const definition = def as unknown as Prisma.InputJsonValue;
    // a fixed id per built-in: concurrent first requests cannot insert it twice
    // (the unique index on workspaceId+key does not hold for a NULL workspace)
    const id = `builtin-${def.key}`;
    const existing = (await db.template.findUnique({ where: { id } })) ?? (await db.template.findFirst({ where: { workspaceId: null, key: def.key } }));
    if (!existing) {
      await db.template
        .create({
          data: { id, key: def.key, name: def.name, description: def.description, builtin: true, definition, versions: { create: { version: 1, definition } } },
        })
        .catch(async (error: unknown) => {
          // another request inserted it first
          if (!(await db.template.findUnique({ where: { id } }))) throw error;
        });
      continue;
    }
    if (contentHash(existing.definition) === contentHash(def)) continue;
    const version = existing.version + 1;
    await db
      .$transaction([
        db.template.update({ where: { id: existing.id }, data: { name: def.name, description: def.description, definition, version } }),
        db.templateVersion.create({ data: { templateId: existing.id, version, definition } }),
      ])
      .catch((error: unknown) => {
        // another process stored this version first
        if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
      });
  }
}

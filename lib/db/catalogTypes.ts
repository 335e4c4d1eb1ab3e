import pg from "pg";

const CHAR_OID = 18;
const NAME_OID = 19;
const TEXT_OID = 25;
let patched = false;

/**
 * The pg driver adapter rejects the catalog types `"char"` and `name` that the schema
 * engine reads while migrating (prisma/prisma#27403). Both are plain text on the wire, so
 * they are reported as `text` instead. Only the migration CLI needs this.
 */
export function patchCatalogTypes(): void {
  if (patched) return;
  patched = true;
  type RowDescription = { fields: { dataTypeID: number }[] };
  const proto = (pg.Query as unknown as { prototype: { handleRowDescription(msg: RowDescription): void } }).prototype;
  const original = proto.handleRowDescription;
  proto.handleRowDescription = function (this: unknown, msg: RowDescription) {
    for (const field of msg.fields) {
      if (field.dataTypeID === CHAR_OID || field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
    }
    return original.call(this, msg);
  };
}

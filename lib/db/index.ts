export { createDb, getDb, type Db, type DbTx } from "./client";
export { Prisma, Role } from "./generated/client";
export type { User, Workspace, Membership, Invite, Activity } from "./generated/client";

// `node --import tsx --import ./tests/support/noDatabase.mjs …`: the process fails as soon as
// anything loads the database module (lib/db), so a test can show a command runs without it.
import { register } from "node:module";

register("./noDatabaseHooks.mjs", import.meta.url);

// The main of a bench's child process (a load or cluster client): reads its config from the
// JSON file named by argv[2], runs, and prints `RESULT <json>` for the parent to read. Exits
// 1 when the run fails and 3 when it outlives `limitMs`, so a stuck child never hangs a bench.
import { readFileSync } from "node:fs";

export function childMain<Config, Result>(name: string, run: (config: Config) => Promise<Result>, limitMs: (config: Config) => number): void {
  const config = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Config;
  const hardStop = setTimeout(() => {
    console.error(`${name}: over its time limit`);
    process.exit(3);
  }, limitMs(config));
  run(config).then(
    (result) => {
      clearTimeout(hardStop);
      console.log(`RESULT ${JSON.stringify(result)}`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`${name} failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}

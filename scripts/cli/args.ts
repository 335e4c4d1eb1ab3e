import { UsageError } from "./errors";

/** `--name value` options and the remaining positional arguments; unknown options are a UsageError. */
export function parseArgs(args: string[], valued: readonly string[], flags: readonly string[]): { options: Record<string, string>; flags: Set<string>; positional: string[] } {
  const options: Record<string, string> = {};
  const set = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.split("=", 2) as [string, string | undefined];
    if (flags.includes(name)) set.add(name);
    else if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (!value || value.startsWith("--")) throw new UsageError(`${name} needs a value`);
      options[name] = value;
    } else throw new UsageError(`unknown option ${name}`);
  }
  return { options, flags: set, positional };
}

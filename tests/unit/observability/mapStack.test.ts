import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { mapBuiltFrames } from "@/lib/observability/mapStack";

const dir = mkdtempSync(path.join(os.tmpdir(), "specwright-stack-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// type-only lines, which the built file leaves out: its lines are not the source's
const SOURCE = `interface Reason {
  text: string;
}

type Unused = {
  a: number;
  b: string;
};

export function explode(reason: Reason): never {
  throw new Error("exploded: " + reason.text);
}

try {
  explode({ text: "on purpose" });
} catch (error) {
  console.log((error as Error).stack);
}
`;
const THROW_LINE = 11;

/** Builds SOURCE as a built file with its map beside it, runs it in a Node without source maps, and returns the stack it printed. */
function builtStack(withMap: boolean): { stack: string; file: string } {
  const file = path.join(dir, withMap ? "built.js" : "bare.js");
  const { outputText, sourceMapText } = ts.transpileModule(SOURCE, { fileName: "thrower.ts", compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, sourceMap: true } });
  writeFileSync(file, outputText.replace(/\/\/# sourceMappingURL=.*$/m, ""));
  if (withMap) writeFileSync(`${file}.map`, sourceMapText!);
  return { stack: execFileSync(process.execPath, [file], { encoding: "utf8" }), file };
}

describe("an error's stack from built code", () => {
  it("names the source file, line and column of each frame in a built file with a map beside it", () => {
    const { stack, file } = builtStack(true);
    const frame = stack.split("\n").find((line) => line.includes("at explode"))!;
    expect(frame).toContain(`${file}:`);
    expect(frame).not.toContain(`:${THROW_LINE}:`);
    const mapped = mapBuiltFrames(stack).split("\n");
    expect(mapped.find((line) => line.includes("at explode"))).toMatch(new RegExp(`^\\s+at explode \\(${dir}/thrower\\.ts:${THROW_LINE}:\\d+\\)$`));
    // the message and frames elsewhere (Node's own) are left as they were
    expect(mapped[0]).toBe("Error: exploded: on purpose");
    expect(mapped.filter((line) => line.includes("node:internal"))).toEqual(stack.split("\n").filter((line) => line.includes("node:internal")));
  });

  it("leaves frames without a map, and text that is no frame, as they were", () => {
    const { stack } = builtStack(false);
    expect(mapBuiltFrames(stack)).toBe(stack);
    expect(mapBuiltFrames("not a stack\n    at nowhere (/no/such/file.js:1:1)")).toBe("not a stack\n    at nowhere (/no/such/file.js:1:1)");
  });
});

import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take longest, longest first (quiet 2-core machine, seconds). Each mostly
 * waits on processes it starts (apps, collaboration servers, the command line, Git, ssh), so
 * started last one would run alone at the end while the other workers sit idle: the
 * integration run once ended with stopping.test.ts alone for its last minute.
 */
const SLOWEST = [
  "tests/integration/ops/stopping.test.ts", // 141
  "tests/integration/collab/cluster.test.ts", // 98
  "tests/integration/cli/importExport.test.ts", // 64
  "tests/integration/gitSync/incoming.test.ts", // 36
  "tests/integration/import/parsePool.test.ts", // 28
  "tests/integration/gitSync/ssh.test.ts", // 24
  "tests/unit/markdown/roundTrip.property.test.ts", // 23
  "tests/unit/markdown/corpus.test.ts", // 22
  "tests/integration/collab/updateGuard.test.ts", // 22
];

/**
 * Within each project the files above start first, in that order; the rest keep Vitest's
 * own order (by the durations of an earlier run when its cache has them, which a fresh
 * checkout has not).
 */
export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const at = SLOWEST.indexOf(path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join("/"));
      return at < 0 ? SLOWEST.length : at;
    };
    // within a project only (Vitest runs the projects' groups one after another); the sort is
    // stable, so the rest keep their order
    const project = new Map<string, number>();
    for (const spec of sorted) if (!project.has(spec.project.name)) project.set(spec.project.name, project.size);
    return sorted.sort((a, b) => project.get(a.project.name)! - project.get(b.project.name)! || rank(a) - rank(b));
  }
}

import { describe, expect, it } from "vitest";
import { MAX_DELTA, storeManifest, type Manifest } from "@/lib/versions/manifest";

const manifest = (n: number, changed: number[] = []): Manifest => Array.from({ length: n }, (_, i) => [`s${i}`, changed.includes(i) ? `new${i}` : `h${i}`]);

describe("stored manifests", () => {
  it("store only the sections that differ from the checkpoint when the order is the same", () => {
    expect(storeManifest(manifest(60, [3, 7]), { number: 4, manifest: manifest(60) })).toEqual({ base: 4, changes: [["s3", "new3"], ["s7", "new7"]] });
  });

  it("store in full without a checkpoint, after a reorder or an added section, or when too much differs", () => {
    expect(storeManifest(manifest(3), null)).toEqual(manifest(3));
    const moved: Manifest = [manifest(3)[1]!, manifest(3)[0]!, manifest(3)[2]!];
    expect(storeManifest(moved, { number: 1, manifest: manifest(3) })).toEqual(moved);
    expect(storeManifest(manifest(4), { number: 1, manifest: manifest(3) })).toEqual(manifest(4));
    const many = manifest(60, Array.from({ length: MAX_DELTA + 1 }, (_, i) => i));
    expect(storeManifest(many, { number: 1, manifest: manifest(60) })).toEqual(many);
  });
});

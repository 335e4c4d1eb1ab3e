import { safeImageSrc } from "@/lib/editor/documentUrls";
import type { BodySegment, ImageFacts } from "@/lib/versions/bodyDiff";

type ImageSegment = Extract<BodySegment, { type: "image" }>;

const RING: Record<string, string> = { same: "ring-slate-200", changed: "ring-amber-300", added: "ring-emerald-400", removed: "ring-red-400" };

function Picture({ image, label, tone }: { image: ImageFacts; label: string; tone: string }) {
  const src = safeImageSrc(image.src);
  return (
    <figure className={`inline-block rounded p-1 ring-2 ${tone}`}>
      {/* eslint-disable-next-line @next/next/no-img-element -- served by our own policy-checked route */}
      {src ? <img src={src} alt={image.alt} className="max-h-64 max-w-full" /> : null}
      <figcaption className="text-xs text-slate-600">
        {label}: {image.alt ? `“${image.alt}”` : "no alt text"}
      </figcaption>
    </figure>
  );
}

/** An image in a section diff: added, removed, or its old and new form side by side. */
export function ImageDiff({ segment }: { segment: ImageSegment }) {
  const { status, before, after } = segment;
  return (
    <div className="my-2 flex flex-wrap gap-2" data-testid="image-diff" data-status={status}>
      {before && status !== "same" && status !== "added" ? <Picture image={before} label={status === "removed" ? "Removed image" : "Before"} tone={RING.removed!} /> : null}
      {after && status !== "removed" ? <Picture image={after} label={status === "same" ? "Image" : status === "added" ? "Added image" : "After"} tone={RING[status]!} /> : null}
    </div>
  );
}

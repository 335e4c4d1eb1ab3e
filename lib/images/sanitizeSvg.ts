import type { DOMPurify } from "dompurify";

let purifier: Promise<DOMPurify> | null = null;

/** Keeps only references inside the image itself (`#id`) and embedded raster data. */
const LOCAL_REF = /^(?:#|data:image\/(?:png|jpeg|gif|webp);base64,)/i;

/**
 * The sanitiser, made on first use: jsdom takes about half a second to load, which only an
 * SVG should cost (not every import or upload of other images).
 */
function purify(): Promise<DOMPurify> {
  purifier ??= makePurifier();
  return purifier;
}

async function makePurifier(): Promise<DOMPurify> {
  const [{ default: createDOMPurify }, { JSDOM }] = await Promise.all([import("dompurify"), import("jsdom")]);
  const instance = createDOMPurify(new JSDOM("").window);
  // an SVG shown as an image loads nothing from outside, but a file saved from the export
  // and opened on its own would: references to other documents are removed
  instance.addHook("uponSanitizeAttribute", (_node, data) => {
    if ((data.attrName === "href" || data.attrName === "xlink:href") && !LOCAL_REF.test(data.attrValue.trim())) data.keepAttr = false;
  });
  return instance;
}

/**
 * An SVG document without scripts, event handlers, foreign HTML or references to other
 * documents (DOMPurify's SVG profile), or null
 * when nothing of an `<svg>` root is left. `keep`: harmless tags and attributes the profile
 * leaves out that a caller's SVG needs. Pure apart from a cached DOM window.
 */
export async function sanitizeSvg(svg: string, keep: { tags?: string[]; attributes?: string[] } = {}): Promise<string | null> {
  const clean = (await purify()).sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true },
    ADD_TAGS: keep.tags ?? [],
    ADD_ATTR: keep.attributes ?? [],
    RETURN_TRUSTED_TYPE: false,
  });
  // parsed as HTML (SVG inside it is foreign content, serialised as XML) apart from the one
  // entity XML does not know
  const text = String(clean).trim().replace(/&nbsp;/g, "&#160;");
  return /^<svg[\s>/]/i.test(text) ? text : null;
}

import { MAX_IMAGE_BYTES } from "@/lib/images/limits";

/** An upload under way in a section: shown with its progress until it ends. */
export interface UploadStatus {
  name: string;
  percent: number;
}

/** What an upload answers (see POST /api/documents/:documentId/images). */
export interface UploadedImage {
  id: string;
  src: string;
}

export type UploadOutcome = { ok: true; image: UploadedImage } | { ok: false; error: string };

/** The types the file picker offers; the server decides by the bytes. */
export const IMAGE_ACCEPT = "image/png,image/jpeg,image/gif,image/webp,image/svg+xml";

/**
 * Sends one image file to the document's upload route, reporting progress (0–100); never
 * throws: a refusal (too large, not an image, no permission) comes back as its message.
 * XMLHttpRequest rather than fetch, because only it reports upload progress.
 */
export function uploadImageFile(documentId: string, file: File, onProgress: (percent: number) => void): Promise<UploadOutcome> {
  if (file.size > MAX_IMAGE_BYTES) return Promise.resolve({ ok: false, error: `${file.name || "The image"} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB; nothing was inserted.` });
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/documents/${encodeURIComponent(documentId)}/images`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      const body = xhr.response as Partial<UploadedImage> & { error?: string };
      if (xhr.status === 201 && typeof body?.src === "string" && typeof body.id === "string") resolve({ ok: true, image: { id: body.id, src: body.src } });
      else resolve({ ok: false, error: `${file.name || "The image"} was not added: ${body?.error ?? `the upload failed (${xhr.status})`}` });
    };
    xhr.onerror = () => resolve({ ok: false, error: "The image could not be uploaded: the server did not answer. Nothing was inserted." });
    const form = new FormData();
    form.append("file", file, file.name || "image");
    xhr.send(form);
  });
}

/** The image files among pasted or dropped files. */
export function imageFiles(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((f) => f.type.startsWith("image/") || /\.(png|jpe?g|gif|webp|svg)$/i.test(f.name));
}

/** Marks the hidden file input of an open image picker. */
const PICKER_ATTRIBUTE = "data-image-picker";

/**
 * Opens the browser's file picker for images; calls `chosen` with what the user picked. The
 * input stays in the document until the person chooses or cancels: a detached one is
 * garbage once `click()` returns, and a browser that collects it while the picker is open
 * would hand the choice to nobody.
 */
export function pickImageFiles(chosen: (files: File[]) => void): void {
  // one left by a browser that does not send `cancel`
  document.querySelectorAll(`input[${PICKER_ATTRIBUTE}]`).forEach((old) => old.remove());
  const input = document.createElement("input");
  input.type = "file";
  input.accept = IMAGE_ACCEPT;
  input.multiple = true;
  input.hidden = true;
  input.setAttribute(PICKER_ATTRIBUTE, "");
  input.addEventListener(
    "change",
    () => {
      input.remove();
      chosen(imageFiles(input.files));
    },
    { once: true },
  );
  input.addEventListener("cancel", () => input.remove(), { once: true });
  document.body.append(input);
  input.click();
}

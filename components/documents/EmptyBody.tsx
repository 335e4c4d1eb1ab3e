import { EMPTY_BODY_CLASS, emptyBodyHint } from "@/lib/editor/emptyBody";

/** An empty section body's hint, drawn as the editor draws it (see `emptyBodyPlaceholder`). */
export function EmptyBody({ editable }: { editable: boolean }) {
  return (
    <p className={EMPTY_BODY_CLASS} data-placeholder={emptyBodyHint(editable)}>
      <br />
    </p>
  );
}

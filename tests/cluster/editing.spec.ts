import { expect, test } from "../e2e/fixtures";
import { cluster, newDocument, openEditor, routedSockets, secondContext, signUp, storedText, typeAtEnd, typedText } from "./support/env";

/** Whether every character of `typed` is in `text`, in order (other characters may sit between). */
function holdsInOrder(text: string, typed: string): boolean {
  let at = 0;
  for (const char of typed) {
    at = text.indexOf(char, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

test("editors on different processes converge on the same text and see each other's carets", async ({ browser }) => {
  const contextA = await browser.newContext();
  const { slug } = await signUp(contextA, "Wren", cluster.app(0));
  const documentId = await newDocument(contextA, cluster.app(0), slug, "Across processes");
  const contextB = await secondContext(browser, contextA);
  // A on process 1, B on process 3
  const a = await openEditor(contextA, cluster.app(0), slug, documentId);
  const routed = await routedSockets(2);
  const b = await openEditor(contextB, cluster.app(2), slug, documentId);
  // process 1 opened the document first and owns it: process 3 hands B's socket to it
  expect(await routedSockets(2)).toBe(routed + 1);
  const bodyA = a.getByRole("textbox", { name: "Overview body" });
  const bodyB = b.getByRole("textbox", { name: "Overview body" });

  await typeAtEnd(a, "Overview", " Alpha writes on one.");
  await expect(bodyB).toContainText("Alpha writes on one.");
  // B sees A's caret, with A's name, in that section
  await expect(bodyB.locator(".collaboration-carets__label")).toHaveText("Wren");
  await typeAtEnd(b, "Overview", " Beta writes on three.");
  await expect(bodyA).toContainText("Beta writes on three.");
  await expect(bodyA.locator(".collaboration-carets__label")).toHaveText("Wren");

  // both type at the end at once: each keystroke lands where the end is when it is typed, so
  // the two runs may interleave; every character of both stays, in order, on both sides
  await Promise.all([typeAtEnd(a, "Overview", " One more from A."), typeAtEnd(b, "Overview", " One more from B.")]);
  const both = (text: string) => {
    const tail = text.slice(text.indexOf("Beta writes on three.") + "Beta writes on three.".length);
    return tail.length === 2 * " One more from A.".length && holdsInOrder(tail, " One more from A.") && holdsInOrder(tail, " One more from B.");
  };
  // a failure shows what each side had (the run that saw the stored text below disagree kept no copy of it)
  let converged = "";
  await expect
    .poll(async () => {
      const [textA, textB] = [await typedText(bodyA), await typedText(bodyB)];
      converged = textA;
      return textA === textB && both(textA) ? "converged" : { textA, textB };
    })
    .toBe("converged");
  // and PostgreSQL holds what both typed: the section's stored text is what the editors show
  // without the template's hint, and (as search text) without spaces at its ends. One of the
  // two runs' spaces may well land last
  const shown = converged.slice(converged.indexOf("Alpha writes on one.")).trim();
  await expect
    .poll(async () => {
      const stored = await storedText(documentId, "Overview");
      return stored === shown ? "stored" : { stored, shown };
    })
    .toBe("stored");
  await contextA.close();
  await contextB.close();
});

test("a restore issued on process 1 reaches an editor on process 3 live", async ({ browser }) => {
  const context = await browser.newContext();
  const { slug } = await signUp(context, "Hana", cluster.app(0));
  const documentId = await newDocument(context, cluster.app(0), slug, "Restored across processes");
  const editor = await openEditor(context, cluster.app(2), slug, documentId);
  const body = editor.getByRole("textbox", { name: "Overview body" });
  const original = await typedText(body);

  const named = await context.request.post(`${cluster.app(0)}/api/documents/${documentId}/versions`, { data: { label: "before the change" } });
  expect(named.status(), await named.text()).toBe(201);
  const { number } = (await named.json()) as { number: number };

  await typeAtEnd(editor, "Overview", " Changed after the named version.");
  await expect.poll(() => storedText(documentId, "Overview")).toContain("Changed after the named version.");

  const restored = await context.request.post(`${cluster.app(0)}/api/documents/${documentId}/versions/${number}/restore`, { data: {} });
  expect(restored.status(), await restored.text()).toBeLessThan(300);
  // the editor on process 3 shows the restored text without a reload
  await expect.poll(() => typedText(body)).toBe(original);
  await expect.poll(() => storedText(documentId, "Overview")).not.toContain("Changed after the named version.");
  await context.close();
});

import { describe, expect, it } from "vitest";
import { Forbidden, NotFound, SubmitBlocked } from "@/lib/errors";
import { checkSubmitGate } from "@/lib/review/gate";
import { submitForReview } from "@/lib/review/review";
import { ctxFor, makeWorkspace } from "../../support/db";
import { edit, setUp } from "./setup";

describe("the submit gate, checked before submitting", () => {
  it("lists what a submit would refuse, and nothing once it is fixed", async () => {
    const { owner, doc } = await setUp();
    const before = await checkSubmitGate(owner, { documentId: doc.id });
    const refused = await submitForReview(owner, { documentId: doc.id }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SubmitBlocked);
    expect(before.problems).toEqual((refused as SubmitBlocked).problems);
    expect(before.problems.map((p) => p.message)).toEqual(["Security: replace the placeholder “[List the threats]”."]);

    await edit(doc.id, "security", "Security", "Threats: replayed webhooks.");
    expect(await checkSubmitGate(owner, { documentId: doc.id })).toEqual({ problems: [] });
  });

  it("is for those who may submit: not a viewer, and nothing of the document outside its workspace", async () => {
    const { ws, owner, doc } = await setUp();
    const viewer = (await makeWorkspace()).owner;
    await owner.db.membership.create({ data: { workspaceId: ws.id, userId: viewer.userId, role: "viewer" } });
    await expect(checkSubmitGate(ctxFor(viewer), { documentId: doc.id })).rejects.toBeInstanceOf(Forbidden);
    const stranger = (await makeWorkspace()).owner;
    await expect(checkSubmitGate(ctxFor(stranger), { documentId: doc.id })).rejects.toBeInstanceOf(NotFound);
  });
});

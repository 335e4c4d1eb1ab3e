import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { pngOf } from "../../support/images";
import { PASSWORD, signInByApi, signUpByApi, uniqueEmail } from "../support";

/** A request context per actor; all carry the app's own Origin, as a browser on the app would. */
export type NewContext = () => Promise<APIRequestContext>;

export interface Actor {
  request: APIRequestContext;
  userId: string;
}

export interface SweepFixture {
  /** workspace A: its owner, an editor, a viewer; workspace B: its owner */
  a: { slug: string; owner: Actor; editor: Actor; viewer: Actor };
  b: { slug: string; owner: Actor };
  /** real ids of A's resources, by route parameter name */
  ids: Record<string, string>;
  /** text only A's members may ever see in a response */
  canary: string;
  /**
   * API tokens (secrets) that must not get in: A's owner's personal read token (no write
   * anywhere), B's workspace admin token (nothing of A's), and two of A's owner's admin
   * tokens, one revoked and one the sweep makes expire (401 everywhere)
   */
  tokens: { aOwnerRead: string; bWorkspace: string; aOwnerRevoked: string; aOwnerExpiring: { id: string; secret: string } };
  /** valid input for the writes whose sample needs facts about the fixture */
  facts: { sectionKey: string; roleKey: string; templateId: string; templateDefinition: unknown; templateVersion: number; notificationId: string };
}

async function json<T>(res: APIResponse): Promise<T> {
  expect(res.status(), `${res.url()}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

async function join(newContext: NewContext, owner: APIRequestContext, slug: string, name: string, role: "editor" | "viewer"): Promise<Actor> {
  const email = uniqueEmail(name);
  const { invite } = await json<{ invite: { path: string } }>(await owner.post(`/api/workspaces/${slug}/invites`, { data: { email, role } }));
  const request = await newContext();
  const { user } = await json<{ user: { id: string } }>(await request.post("/api/signup", { data: { name, email, password: PASSWORD, inviteToken: invite.path.split("/").pop() } }));
  await signInByApi(request, email);
  return { request, userId: user.id };
}

/**
 * Seeds, through the API as A's members would: two workspaces; in A an editor, a viewer, a
 * pending invite, a workspace template, a webhook, a Git connection, and a document with a named version, a
 * comment thread (queued for the webhook), an uploaded image and an assigned reviewer (whose
 * inbox then holds a notification).
 */
export async function seedSweepFixture(newContext: NewContext): Promise<SweepFixture> {
  const ownerRequest = await newContext();
  const signedUp = await signUpByApi(ownerRequest, "Alice");
  const slug = signedUp.workspace.slug;
  const owner = { request: ownerRequest, userId: signedUp.user.id };
  const editor = await join(newContext, ownerRequest, slug, "Eddie", "editor");
  const viewer = await join(newContext, ownerRequest, slug, "Vera", "viewer");
  const { invite } = await json<{ invite: { id: string; path: string } }>(await ownerRequest.post(`/api/workspaces/${slug}/invites`, { data: { email: uniqueEmail("pending"), role: "viewer" } }));

  const builtin = (await json<{ id: string }[]>(await ownerRequest.get(`/api/workspaces/${slug}/templates`)))[0]!;
  const template = await json<{ id: string; version: number; definition: unknown }>(await ownerRequest.post(`/api/workspaces/${slug}/templates/${builtin.id}/duplicate`, { data: {} }));

  const canary = `Sweep canary ${randomBytes(6).toString("hex")}`;
  const doc = await json<{ id: string }>(await ownerRequest.post(`/api/workspaces/${slug}/documents`, { data: { templateId: template.id, title: canary } }));
  const full = await json<{ sections: { key: string }[] }>(await ownerRequest.get(`/api/documents/${doc.id}`));
  const sectionKey = full.sections[0]!.key;
  const webhook = await json<{ id: string }>(
    await ownerRequest.post(`/api/workspaces/${slug}/webhooks`, { data: { url: "https://hooks.example.test/sweep", description: `${canary} in a webhook`, events: ["comment.created"] } }),
  );
  const gitConnection = await json<{ id: string }>(await ownerRequest.post(`/api/workspaces/${slug}/git-sync`, { data: { repoUrl: "https://git.example.test/sweep.git", path: "designs" } }));
  const version = await json<{ number: number }>(await ownerRequest.post(`/api/documents/${doc.id}/versions`, { data: { label: "v1.0 for the sweep" } }));
  const threads = await json<{ id: string }[]>(await ownerRequest.post(`/api/documents/${doc.id}/comments`, { data: { sectionKey, body: `${canary} in a comment` } }));
  const deliveries = await json<{ id: string }[]>(await ownerRequest.get(`/api/workspaces/${slug}/webhooks/${webhook.id}/deliveries`));
  const review = await json<{ roles: { key: string }[] }>(await ownerRequest.get(`/api/documents/${doc.id}/review`));
  const roleKey = review.roles[0]!.key;
  await json(await ownerRequest.post(`/api/documents/${doc.id}/review/assign`, { data: { roleKey, reviewerId: editor.userId } }));
  const inbox = await json<{ items: { id: string }[] }>(await editor.request.get("/api/notifications"));
  const sessions = await json<{ id: string; current: boolean }[]>(await ownerRequest.get("/api/me/sessions"));
  const image = await json<{ id: string }>(
    await ownerRequest.post(`/api/documents/${doc.id}/images`, { multipart: { file: { name: "sweep.png", mimeType: "image/png", buffer: pngOf(2, 2, [1, 2, 3]) } } }),
  );

  const bRequest = await newContext();
  const b = await signUpByApi(bRequest, "Mallory");

  type Created = { token: { id: string }; secret: string };
  const personal = (scope: string) => ownerRequest.post("/api/me/tokens", { data: { name: `Sweep ${scope}`, scope, expiresInDays: 7 } });
  const aOwnerRead = await json<Created>(await personal("read"));
  const aOwnerRevoked = await json<Created>(await personal("admin"));
  await json(await ownerRequest.delete(`/api/me/tokens/${aOwnerRevoked.token.id}`));
  const aOwnerExpiring = await json<Created>(await personal("admin"));
  const aWorkspace = await json<Created>(await ownerRequest.post(`/api/workspaces/${slug}/tokens`, { data: { name: "Sweep CI", scope: "admin", expiresInDays: 7 } }));
  const bWorkspace = await json<Created>(await bRequest.post(`/api/workspaces/${b.workspace.slug}/tokens`, { data: { name: "Mallory's CI", scope: "admin", expiresInDays: 7 } }));
  return {
    a: { slug, owner, editor, viewer },
    b: { slug: b.workspace.slug, owner: { request: bRequest, userId: b.user.id } },
    ids: {
      slug,
      documentId: doc.id,
      threadId: threads[0]!.id,
      number: String(version.number),
      templateId: template.id,
      inviteId: invite.id,
      token: invite.path.split("/").pop()!,
      // the member a write would change or remove: the editor
      userId: editor.userId,
      // A's owner's own session: nobody else may end it
      sessionId: sessions.find((s) => s.current)!.id,
      imageId: image.id,
      // A's workspace token: only A's admins may revoke it, and it is nobody's personal token
      tokenId: aWorkspace.token.id,
      webhookId: webhook.id,
      deliveryId: deliveries[0]!.id,
      connectionId: gitConnection.id,
      // no Git sync conflict can be made through the API alone: the permission check comes before the lookup
      conflictId: "sweep-no-conflict",
    },
    canary,
    tokens: { aOwnerRead: aOwnerRead.secret, bWorkspace: bWorkspace.secret, aOwnerRevoked: aOwnerRevoked.secret, aOwnerExpiring: { id: aOwnerExpiring.token.id, secret: aOwnerExpiring.secret } },
    facts: { sectionKey, roleKey, templateId: template.id, templateDefinition: template.definition, templateVersion: template.version, notificationId: inbox.items[0]!.id },
  };
}

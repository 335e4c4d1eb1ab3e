import { z } from "zod";
import { Id, Slug } from "../workspaces/schema";
import { EVENT_TYPES } from "./events";

const Url = z.string().trim().min(1, "Enter the URL to send events to.").max(2000, "Use at most 2000 characters.");
const Events = z.array(z.enum(EVENT_TYPES, { message: `Events must be among ${EVENT_TYPES.join(", ")}.` })).min(1, "Pick at least one event.").max(EVENT_TYPES.length);

export const CreateWebhookInput = z.object({
  slug: Slug,
  url: Url,
  description: z.string().trim().max(200, "Use at most 200 characters.").default(""),
  events: Events,
  slack: z.boolean().default(false),
});
export type CreateWebhookInput = z.input<typeof CreateWebhookInput>;

export const UpdateWebhookInput = z.object({
  slug: Slug,
  webhookId: Id,
  url: Url.optional(),
  description: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  events: Events.optional(),
  slack: z.boolean().optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookInput = z.input<typeof UpdateWebhookInput>;

export const WebhookRef = z.object({ slug: Slug, webhookId: Id });
export type WebhookRef = z.infer<typeof WebhookRef>;

export const DeliveryRef = z.object({ slug: Slug, webhookId: Id, deliveryId: Id });
export type DeliveryRef = z.infer<typeof DeliveryRef>;

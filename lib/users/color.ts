import { z } from "zod";
import { authorizeAccount } from "../access/policy";
import type { Ctx } from "../context";
import { PERSON_COLOR_VALUES } from "../editor/personColor";

export const ColorInput = z.object({
  /** one of the palette's colours, or null for the one derived from the person's id */
  color: z.enum(PERSON_COLOR_VALUES, { message: "Choose one of the offered colours." }).nullable(),
});

/** Sets the signed-in person's colour (their own: no workspace is involved); returns it. */
export async function setPersonColor(ctx: Ctx, raw: z.input<typeof ColorInput>): Promise<{ color: string | null }> {
  const { color } = ColorInput.parse(raw);
  authorizeAccount(ctx.actor, "account.profile");
  const user = await ctx.db.user.update({ where: { id: ctx.actor.userId }, data: { color }, select: { color: true } });
  return { color: user.color };
}

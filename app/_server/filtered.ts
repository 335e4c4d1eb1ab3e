import type { z } from "zod";
import { InvalidInput } from "@/lib/errors";

/** A query parameter's first value, trimmed; undefined when empty. */
export function firstParam(v: string | string[] | undefined): string | undefined {
  return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
}

/**
 * What a filtered page shows, or why its filters cannot be applied: invalid or unknown
 * filters come back as words for the page to show, never dropped.
 */
export async function loadFiltered<S extends z.ZodType, T>(schema: S, input: unknown, load: (parsed: z.output<S>) => Promise<T>): Promise<{ value: T } | { error: string }> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues.map((i) => i.message).join(" ") };
  try {
    return { value: await load(parsed.data) };
  } catch (error) {
    if (error instanceof InvalidInput) return { error: error.message };
    throw error;
  }
}

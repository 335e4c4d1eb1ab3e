import { z } from "zod";

/** How a field is named at the start of a sentence; others are named from their key ("roleKey" → "The role key"). */
const SUBJECTS: Record<string, string> = {
  title: "A title",
  name: "A name",
  label: "A label",
  comment: "A comment",
  overrideReason: "A reason",
  reason: "A reason",
  email: "An email address",
  password: "A password",
  newPassword: "A new password",
  currentPassword: "Your current password",
  description: "A description",
  body: "The text",
  text: "The text",
  q: "A search",
  value: "A value",
  url: "A web address",
};

const KINDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "yes or no",
  array: "a list",
  object: "a set of values",
  date: "a date",
};

function subject(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((p): p is string => typeof p === "string");
  if (!key) return "This";
  if (SUBJECTS[key]) return SUBJECTS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase().trim();
  return `The ${words}`;
}

const count = (n: number | bigint, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

type Issue = z.core.$ZodRawIssue;

function sizeMessage(who: string, issue: Extract<Issue, { code: "too_big" | "too_small" }>): string {
  const big = issue.code === "too_big";
  const limit = big ? issue.maximum : issue.minimum;
  const n = typeof limit === "number" || typeof limit === "bigint" ? limit : Number(limit);
  switch (issue.origin) {
    case "string":
      if (!big && n === 1) return `${who} cannot be empty.`;
      return big ? `${who} can have at most ${count(n, "character", "characters")}.` : `${who} needs at least ${count(n, "character", "characters")}.`;
    case "array":
    case "set":
      if (!big && n === 1) return `${who} needs at least one entry.`;
      return big ? `${who} can have at most ${count(n, "entry", "entries")}.` : `${who} needs at least ${count(n, "entry", "entries")}.`;
    default:
      return big ? `${who} can be at most ${String(n)}.` : `${who} must be at least ${String(n)}.`;
  }
}

/**
 * A validation problem in plain words, naming the field ("A title can have at most 200
 * characters."), for every schema that gives no message of its own. Schemas that do (e.g.
 * `.min(1, "Enter a title.")`) keep theirs.
 */
export function plainMessage(issue: Issue): string | undefined {
  const who = subject(issue.path ?? []);
  switch (issue.code) {
    case "too_big":
    case "too_small":
      return sizeMessage(who, issue);
    case "invalid_type":
      if (issue.input === undefined) return `${who} is missing.`;
      return `${who} should be ${KINDS[issue.expected] ?? "something else"}.`;
    case "invalid_value":
      return `${who} is not one of the choices.`;
    case "invalid_format":
      if (issue.format === "email") return "Enter a valid email address, like name@example.com.";
      if (issue.format === "url") return `${who} should be a web address, like https://example.com.`;
      return `${who} is not in the expected form.`;
    case "unrecognized_keys":
      return `Unexpected ${issue.keys.length === 1 ? "field" : "fields"}: ${issue.keys.join(", ")}.`;
    default:
      return `${who} is not valid.`;
  }
}

z.config({ customError: plainMessage });

/** One sentence for a response's headline: the first problem, and how many more there are. */
export function summarize(error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  if (!first) return "Some of what was entered needs fixing.";
  return rest.length ? `${first.message} (and ${count(rest.length, "more problem", "more problems")})` : first.message;
}

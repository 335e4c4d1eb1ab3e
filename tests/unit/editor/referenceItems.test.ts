import { describe, expect, it } from "vitest";
import { referenceItems } from "@/components/editor/referenceItems";

const references = {
  slug: "acme",
  documents: [
    { id: "d1", number: "ADR-0007", title: "Use Postgres for the queue" },
    { id: "d2", number: "ADR-0012", title: "Retry budget" },
    { id: "d3", number: "TD-0003", title: "Webhook intake" },
  ],
};
const labels = (query: string) => referenceItems(references, query).map((i) => i.label);

describe("the documents \"[[\" and \"#\" offer", () => {
  it("finds a document by its number, however it is typed, or by a word of its title", () => {
    expect(labels("adr-0007")).toEqual(["ADR-0007 Use Postgres for the queue"]);
    expect(labels("adr-7")).toEqual(["ADR-0007 Use Postgres for the queue"]);
    expect(labels("12")).toEqual(["ADR-0012 Retry budget"]);
    expect(labels("td")).toEqual(["TD-0003 Webhook intake"]);
    expect(labels("queue")).toEqual(["ADR-0007 Use Postgres for the queue"]);
    expect(labels("")).toHaveLength(3);
    expect(labels("nothing like it")).toEqual([]);
  });
});

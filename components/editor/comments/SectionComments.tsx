"use client";

import { useState } from "react";
import type { CommentThreadDto } from "@/lib/comments/comments";
import type { Proposal } from "@/lib/suggestions/proposal";
import { Button } from "../../ui/Button";
import { ApplyProposal, ProposalView } from "./ProposalView";

export interface Draft {
  anchorFrom?: string;
  anchorTo?: string;
  quote: string;
  /** started on a suggestion: closes with it */
  suggestionId?: string;
  /** a diagram's change it proposes */
  proposal?: Proposal;
}

interface Props {
  sectionKey: string;
  sectionTitle: string;
  threads: CommentThreadDto[];
  draft: Draft | null;
  act: (path: string, body: Record<string, unknown>) => Promise<string | null>;
  onDraftDone: () => void;
}

const box = "mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";

function Reply({ thread, act }: { thread: CommentThreadDto; act: Props["act"] }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="mt-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const failed = await act(`/${thread.id}/replies`, { body: text });
        setError(failed);
        if (!failed) setText("");
      }}
    >
      <label className="sr-only" htmlFor={`reply-${thread.id}`}>Reply</label>
      <textarea id={`reply-${thread.id}`} rows={1} placeholder="Reply… (@name mentions)" value={text} onChange={(e) => setText(e.target.value)} className={box} />
      {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
      {text ? <Button type="submit" variant="secondary" className="mt-1">Reply</Button> : null}
    </form>
  );
}

/** Comment threads on one section: new comments on a passage or the section, replies, resolve and reopen. */
export function SectionComments({ sectionKey, sectionTitle, threads, draft, act, onDraftDone }: Props) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const open = threads.filter((t) => !t.resolved);
  const resolved = threads.filter((t) => t.resolved);
  if (!draft && !threads.length) return null;
  const shown = showResolved ? threads : open;
  return (
    <div className="mt-3 space-y-2 border-t border-slate-100 pt-3" aria-label={`Comments on ${sectionTitle}`} role="region">
      {draft ? (
        <form
          className="rounded-lg bg-amber-50 p-3 ring-1 ring-amber-200"
          onSubmit={async (e) => {
            e.preventDefault();
            const failed = await act("", { sectionKey, ...draft, body: text });
            setError(failed);
            if (!failed) {
              setText("");
              onDraftDone();
            }
          }}
        >
          {draft.quote ? <blockquote className="border-l-2 border-amber-400 pl-2 text-xs text-slate-700">“{draft.quote}”</blockquote> : null}
          {draft.proposal ? <ProposalView proposal={draft.proposal} /> : null}
          <label className="mt-1 block text-xs font-medium text-slate-700" htmlFor={`new-comment-${sectionKey}`}>New comment</label>
          <textarea id={`new-comment-${sectionKey}`} autoFocus rows={2} value={text} onChange={(e) => setText(e.target.value)} className={box} />
          {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
          <div className="mt-2 flex gap-2">
            <Button type="submit">Comment</Button>
            <Button type="button" variant="ghost" onClick={onDraftDone}>Cancel</Button>
          </div>
        </form>
      ) : null}
      {shown.map((t) => (
        <article key={t.id} data-thread={t.id} className={`rounded-lg p-3 text-sm ring-1 ${t.resolved ? "bg-slate-50 ring-slate-200" : "bg-white ring-amber-200"}`}>
          {t.suggestionId ? <p className="text-xs font-medium text-slate-500">{t.resolved ? "On a suggestion, since accepted or rejected" : "On a suggestion"}</p> : null}
          {t.quote ? <blockquote className="border-l-2 border-amber-400 pl-2 text-xs text-slate-600">“{t.quote}”</blockquote> : null}
          {t.proposal ? (
            <>
              <p className="text-xs font-medium text-slate-500">{`A proposed ${t.proposal.kind === "diagram" ? "diagram" : "block"} change${t.resolved ? ", settled" : ""}`}</p>
              <ProposalView proposal={t.proposal} />
            </>
          ) : null}
          <ul className="mt-1 space-y-1">
            {t.comments.map((c) => (
              <li key={c.id}>
                <strong>{c.author}</strong> <span className="whitespace-pre-wrap">{c.body}</span>
                <time dateTime={c.at} className="ml-2 text-xs text-slate-500">{c.at.slice(0, 16).replace("T", " ")}</time>
              </li>
            ))}
          </ul>
          {t.proposal && t.canApply && !t.resolved ? <ApplyProposal threadId={t.id} kind={t.proposal.kind} act={act} /> : null}
          {t.canResolve ? (
            <button type="button" className="mt-1 text-xs font-medium text-indigo-700 hover:underline" onClick={() => void act(`/${t.id}/resolve`, { resolved: !t.resolved })}>
              {t.resolved ? "Reopen" : "Resolve"}
            </button>
          ) : null}
          {!t.resolved ? <Reply thread={t} act={act} /> : null}
        </article>
      ))}
      {resolved.length ? (
        <button type="button" className="text-xs text-slate-600 hover:underline" onClick={() => setShowResolved((v) => !v)}>
          {showResolved ? "Hide resolved" : `Show ${resolved.length} resolved`}
        </button>
      ) : null}
    </div>
  );
}

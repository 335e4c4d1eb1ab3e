"use client";

import { useState, type FormEvent } from "react";
import type { ApiResult } from "./api";

interface Options<T> {
  /** Sends the form's values; the answer says what went wrong, field by field. */
  send: (form: FormData) => Promise<ApiResult<T>>;
  /** Runs once the server accepted the form (the form element is given, e.g. to reset it). */
  onSuccess: (data: T, form: HTMLFormElement) => void;
  /** The form stays busy after success because the page moves on (no second submit). */
  leavesPage?: boolean;
}

/**
 * The state every API-backed form has: a busy flag, the error the server gave, and the
 * messages per field, cleared on each submit.
 */
export function useApiForm<T>({ send, onSuccess, leavesPage = false }: Options<T>) {
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    setPending(true);
    setError(undefined);
    setFields({});
    const res = await send(new FormData(formEl));
    if (!res.ok) {
      setPending(false);
      setError(res.error.error);
      setFields(res.error.fields ?? {});
      return;
    }
    if (!leavesPage) setPending(false);
    onSuccess(res.data, formEl);
  }

  return { error, fields, pending, onSubmit };
}

"use client";

import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  children: ReactNode;
  /** what the part is, for the note shown in its place ("The review panel"); without it, nothing is shown */
  name?: string;
  /** shown in the part's place instead of the note */
  fallback?: ReactNode;
}

/**
 * Keeps a failure inside one part of a page (a panel, a toolbar, a lazily loaded block):
 * that part shows its fallback, and the rest of the page, the editor above all, stays.
 * Without it, React hands the error to the route's error page, which replaces everything
 * (a code chunk that cannot load because the server went away was enough). The part is
 * rendered again when the browser is back online; one whose code never loaded stays out
 * until the page is reloaded.
 */
export class PartBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("a part of the page failed and is left out", error, info.componentStack);
  }

  override componentDidMount(): void {
    window.addEventListener("online", this.retry);
  }

  override componentWillUnmount(): void {
    window.removeEventListener("online", this.retry);
  }

  private readonly retry = () => this.setState({ failed: false });

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    if (this.props.fallback !== undefined) return this.props.fallback;
    return this.props.name ? <p className="text-sm text-slate-500">{this.props.name} could not be shown. Reload the page to try again.</p> : null;
  }
}

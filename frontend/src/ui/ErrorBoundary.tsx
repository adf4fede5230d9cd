import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What shows instead of the children once one of them failed to render. */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * A part of a page that fails to render shows `fallback` instead of taking the whole app down with
 * it (React unmounts everything above an uncaught render error: a blank page). Give it a `key`
 * that changes with the page, so moving on tries again.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

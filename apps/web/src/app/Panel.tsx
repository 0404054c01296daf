import type { ReactNode } from 'react';

interface PanelProps {
  title: string;
  testId: string;
  className?: string;
  actions?: ReactNode;
  children: ReactNode;
}

export function Panel({ title, testId, className, actions, children }: PanelProps) {
  return (
    <section className={`panel ${className ?? ''}`} data-testid={testId} aria-label={title}>
      <header className="panel-head">
        <h2 className="panel-title">{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

interface QueryViewProps<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  isEmpty: (data: T) => boolean;
  emptyText: string;
  children: (data: T) => ReactNode;
}

/** Loading, error and empty states of a panel's query; the data stays visible while it refreshes. */
export function QueryView<T>({ data, error, loading, isEmpty, emptyText, children }: QueryViewProps<T>) {
  if (data === undefined) {
    if (error)
      return (
        <div className="state error" data-state="error">
          Cannot load: {error.message}. Retrying…
        </div>
      );
    return (
      <div className="state" data-state="loading">
        Loading…
      </div>
    );
  }
  return (
    <>
      {error && (
        <div className="state error" data-state="error" style={{ minHeight: 0 }}>
          {error.message} (showing last data)
        </div>
      )}
      {loading && <span className="refreshing" aria-hidden />}
      {isEmpty(data) ? (
        <div className="state" data-state="empty">
          {emptyText}
        </div>
      ) : (
        children(data)
      )}
    </>
  );
}

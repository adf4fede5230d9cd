import { useId, type ButtonHTMLAttributes, type ComponentProps, type ReactNode } from 'react';
import './ui.css';

/**
 * The staff screens' form controls and layout pieces: one place for their size (44 px touch
 * targets), font (Thai, not the browser's default), spacing and phone behaviour, so a fix is made
 * once for every screen.
 */

interface FieldProps {
  label: ReactNode;
  /** A line under the label: what to enter, or the format. */
  hint?: ReactNode;
  /** Shown in red under the control and tied to it with aria-describedby. */
  error?: ReactNode;
}

function Field({ id, label, hint, error, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className={`ui-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="ui-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="ui-field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, { hint, error }: FieldProps) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextField({ label, hint, error, id, ...input }: FieldProps & ComponentProps<'input'>) {
  const own = useId();
  const fieldId = id ?? own;
  return (
    <Field id={fieldId} label={label} hint={hint} error={error}>
      <input id={fieldId} className="ui-control" aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, { label, hint, error })} {...input} />
    </Field>
  );
}

export function TextAreaField({ label, hint, error, id, ...area }: FieldProps & ComponentProps<'textarea'>) {
  const own = useId();
  const fieldId = id ?? own;
  return (
    <Field id={fieldId} label={label} hint={hint} error={error}>
      <textarea id={fieldId} className="ui-control" aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, { label, hint, error })} {...area} />
    </Field>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectField({
  label,
  hint,
  error,
  id,
  choices,
  placeholder,
  ...select
}: FieldProps & ComponentProps<'select'> & { choices: Choice[]; placeholder?: string }) {
  const own = useId();
  const fieldId = id ?? own;
  return (
    <Field id={fieldId} label={label} hint={hint} error={error}>
      <select id={fieldId} className="ui-control" aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, { label, hint, error })} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Button({
  variant = 'secondary',
  className,
  type = 'button',
  ...button
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' }) {
  return <button type={type} className={`button ${variant}${className ? ` ${className}` : ''}`} {...button} />;
}

/** Buttons side by side, wrapping on a phone. */
export function Actions({ children }: { children: ReactNode }) {
  return <div className="ui-actions">{children}</div>;
}

/** A titled card of a page. */
export function PageSection({ title, children, id, actions }: { title: ReactNode; children: ReactNode; id?: string; actions?: ReactNode }) {
  const own = useId();
  const headingId = `${id ?? own}-heading`;
  return (
    <section className="card ui-section" aria-labelledby={headingId} id={id}>
      <div className="ui-section-head">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/**
 * A table that never makes the page scroll sideways: it scrolls inside its own box (reachable by
 * keyboard, named for screen readers) when its columns do not fit.
 */
export function DataTable({ label, children, caption }: { label: string; caption?: ReactNode; children: ReactNode }) {
  return (
    <div className="ui-table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="ui-table">
        {caption && <caption>{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A short state in words and colour (never colour alone); `code` stays in data-status for tests and styles. */
export function Badge({ tone = 'neutral', code, children }: { tone?: Tone; code?: string; children: ReactNode }) {
  return (
    <span className={`ui-badge tone-${tone}`} data-status={code}>
      {children}
    </span>
  );
}

/**
 * A message after an action: an error looks like one (red bar, role=alert), a warning that needs
 * her decision is amber (role=alert), a success looks like a success (green, role=status).
 */
export function Notice({ tone, children }: { tone: 'error' | 'warning' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`ui-notice tone-${tone}`} role={tone === 'error' || tone === 'warning' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

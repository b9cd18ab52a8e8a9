import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import '#contracts/messages.ts';
import { ApiError } from '../../api/client.ts';

/** Per-field messages of a form: from the contract's schema before sending, and from the server's 400 after. */
export interface FieldErrors {
  errors: Readonly<Record<string, string>>;
  /** The input parsed by the schema (the contract's), or null with the fields' messages set. */
  check<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null;
  /** Takes the fields of a failed call; true when one of them is a field of this form. */
  fromError(error: unknown, shown: readonly string[]): boolean;
  clear(): void;
  /** Forgets a field's message once its value is changed (a form's onChange). */
  forget(name: string): void;
}

export function useFieldErrors(): FieldErrors {
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    errors,
    check(schema, input) {
      const parsed = schema.safeParse(input);
      if (parsed.success) {
        setErrors({});
        return parsed.data;
      }
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join('.');
        next[key] ??= issue.message;
      }
      setErrors(next);
      return null;
    },
    fromError(error, shown) {
      if (!(error instanceof ApiError)) return false;
      const next: Record<string, string> = {};
      for (const field of error.fields) {
        const key = shown.find((name) => field.field === name || field.field.startsWith(`${name}.`));
        if (key) next[key] ??= field.message;
      }
      setErrors(next);
      return Object.keys(next).length > 0;
    },
    clear: () => setErrors({}),
    forget: (name) =>
      setErrors((current) => {
        if (!(name in current)) return current;
        const { [name]: _gone, ...rest } = current;
        return rest;
      }),
  };
}

export interface InputProps {
  id: string;
  name: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled field with its hint and, when the value is refused, the reason right under it (announced). */
export function Field({
  id,
  name,
  label,
  errors,
  hint,
  children,
}: {
  id: string;
  name: string;
  label: string;
  errors: Readonly<Record<string, string>>;
  hint?: string;
  children: (props: InputProps) => ReactNode;
}) {
  const error = errors[name];
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Text of a form field, trimmed; '' when absent. */
export const textOf = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
/** A number typed with or without thousands dots ("1.500.000"); null when empty, NaN when not a number. */
export const numberOf = (form: FormData, name: string): number | null => {
  const text = textOf(form, name).replace(/[\s.]/g, '').replace(',', '.');
  return text === '' ? null : Number(text);
};

/** The name of the field an event came from ('' when it has none). */
export const fieldName = (target: EventTarget): string => (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement ? target.name : '');

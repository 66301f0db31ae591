import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { errorText } from '#web/components/query-state.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { fieldErrorsFromProblems } from '#web/lib/field-errors.ts';
import { checkForm, type FieldMessages } from '#web/lib/form-validation.ts';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * A form's errors: one per field, those that belong to no field, and a count of
 * attempts. <FormErrorSummary key={attempt} …> is made anew on each failed try,
 * so it takes focus again and a screen reader reads it out.
 *
 * `fields` are the form's fields by the names the API uses for them, so the
 * server's field problems land on the field they are about.
 *
 * The check before sending is the contract's own zod schema (`validate`), the one the server
 * parses the request with; `messages` are the form's words for its fields (the catalog's
 * general ones cover the rest). Decision 031.
 */
export function useFieldErrors<F extends string>(fields: readonly F[], messages: FieldMessages<F> = {}) {
  const { m } = useI18n();
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const nextAttempt = () => setAttempt((n) => n + 1);
  const showServer = (error: Error, adjust?: (byField: FieldErrors<F>, error: ApiError) => void) => {
    if (error instanceof ApiError) {
      const { byField, unmatched } = fieldErrorsFromProblems(error.problems, fields);
      // A code about one field (USER_EXISTS is about the e-mail) lands there even without field problems.
      adjust?.(byField, error);
      if (error.problems.length > 0 || Object.values(byField).some(Boolean)) {
        setErrors(byField);
        setOtherErrors(unmatched);
        nextAttempt();
        return;
      }
    }
    setOtherErrors([errorText(error, m)]);
    nextAttempt();
  };
  return {
    errors,
    otherErrors,
    attempt,
    /** The field was changed: its error goes; the others stay until the next try. */
    clearField(field: PropertyKey) {
      if ((errors as Partial<Record<PropertyKey, string>>)[field]) setErrors((current) => ({ ...current, [field]: undefined }));
    },
    /** The form's own check before anything is sent: shows what it found (or clears the errors) and counts a try. */
    showCheck(found: FieldErrors<F>) {
      setOtherErrors([]);
      setErrors(found);
      nextAttempt();
    },
    /**
     * Checks the body the form is about to send against the contract's schema (with the form's
     * rules across fields, if it adds any), shows what is wrong and counts a try. True when the
     * body may be sent. `extra` are problems the schema cannot see (a date the browser could not read).
     */
    validate<S extends z.ZodType>(schema: S, body: z.input<S>, extra: FieldErrors<F> = {}): boolean {
      const found = checkForm(schema, body, fields, messages, m, extra);
      setErrors(found.errors);
      setOtherErrors(found.other);
      nextAttempt();
      return Object.keys(found.errors).length === 0 && found.other.length === 0;
    },
    /** The server said no: its field problems on their fields, anything else above the form. What was typed stays. */
    showServerError(error: Error) {
      showServer(error);
    },
    /**
     * As showServerError, with `adjust` putting the catalog's words on a field the server's code
     * says more about; a code `adjust` puts on a field is shown there even when the server listed
     * no field problems.
     */
    showServerErrorWith(error: Error, adjust: (byField: FieldErrors<F>, error: ApiError) => void) {
      showServer(error, adjust);
    },
    clearErrors() {
      setErrors({});
      setOtherErrors([]);
    },
  };
}

/**
 * What a form keeps while someone fills it in: the values as typed and their
 * errors (useFieldErrors). `change` sets one field and takes its error away;
 * `onChange` runs on every change too (a «Lagret» note that no longer holds).
 */
export function useFormState<V extends object, F extends string>(
  initial: V | (() => V),
  fields: readonly F[],
  options: { onChange?: () => void; messages?: FieldMessages<F> } = {},
) {
  const [values, setValues] = useState<V>(initial);
  const fieldErrors = useFieldErrors(fields, options.messages);
  return {
    ...fieldErrors,
    values,
    setValues,
    change<K extends keyof V>(field: K, value: V[K]) {
      setValues((current) => ({ ...current, [field]: value }));
      options.onChange?.();
      fieldErrors.clearField(field);
    },
  };
}

/**
 * For a short form without an error summary (sign-in, one field and a button): after each
 * failed try, focus goes to the first field with an error (of those in `ids`), whose message
 * the screen reader then reads with it.
 */
export function useFocusFirstError<F extends string>(attempt: number, errors: FieldErrors<F>, ids: Partial<Record<F, string>>) {
  useEffect(() => {
    if (attempt === 0) return;
    const first = (Object.keys(ids) as F[]).find((field) => errors[field]);
    const id = first === undefined ? undefined : ids[first];
    if (id) document.getElementById(id)?.focus();
    // Only a new try moves focus; an error cleared while typing must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);
}

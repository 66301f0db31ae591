import { useState } from 'react';
import { errorText } from '#web/components/query-state.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { fieldErrorsFromProblems } from '#web/lib/field-errors.ts';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * A form's errors: one per field, those that belong to no field, and a count of
 * attempts. <FormErrorSummary key={attempt} …> is made anew on each failed try,
 * so it takes focus again and a screen reader reads it out.
 *
 * `fields` are the form's fields by the names the API uses for them, so the
 * server's field problems land on the field they are about.
 */
export function useFieldErrors<F extends string>(fields: readonly F[]) {
  const { m } = useI18n();
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const nextAttempt = () => setAttempt((n) => n + 1);
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
    /** The server said no: its field problems on their fields, anything else above the form. What was typed stays. */
    showServerError(error: Error) {
      if (error instanceof ApiError && error.problems.length > 0) {
        const { byField, unmatched } = fieldErrorsFromProblems(error.problems, fields);
        setErrors(byField);
        setOtherErrors(unmatched);
      } else {
        setOtherErrors([errorText(error, m)]);
      }
      nextAttempt();
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
  options: { onChange?: () => void } = {},
) {
  const [values, setValues] = useState<V>(initial);
  const fieldErrors = useFieldErrors(fields);
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

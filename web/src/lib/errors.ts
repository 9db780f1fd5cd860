/**
 * The API's refusals as a form shows them: BAD_USER_INPUT names its fields (`input.claims.0.amount`),
 * each with a message already in the portal's language; a form maps a field to the id of the
 * control that fixes it. Anything else is one message for the whole form.
 */
import type { CombinedError } from '@urql/preact';

export interface FormError {
  /** The id of the control to focus, or null for an error about the whole form. */
  target: string | null;
  message: string;
}

export function formErrors(error: CombinedError | undefined, targetOf: (field: string) => string | null, fallback: string): FormError[] {
  if (!error) return [];
  const errors: FormError[] = [];
  for (const e of error.graphQLErrors) {
    const fields = e.extensions?.fields as { field: string; message: string }[] | undefined;
    if (e.extensions?.code === 'BAD_USER_INPUT' && fields?.length) {
      for (const f of fields) errors.push({ target: targetOf(f.field), message: f.message });
    } else {
      errors.push({ target: null, message: e.message });
    }
  }
  return errors.length ? errors : [{ target: null, message: fallback }];
}

export const errorCode = (error: CombinedError | undefined): string | undefined =>
  error?.graphQLErrors[0]?.extensions?.code as string | undefined;

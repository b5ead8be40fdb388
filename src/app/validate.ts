import type { z } from 'zod';
import { ValidationError } from '../domain/errors.js';

/** Parses input with a schema at an edge; every issue is reported with its field path. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    'The input is not valid',
    result.error.issues.map((issue) => ({ code: issue.code, message: issue.message, field: issue.path.join('.') || undefined })),
  );
}

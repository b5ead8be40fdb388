/** The time source; tests pass a fake one so embargo and scheduling are tested without waiting. */
export interface Clock {
  now(): Date;
}

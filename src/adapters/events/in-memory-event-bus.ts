import type { DomainEvent, EventBus } from '../../ports/events.js';

/** In-process event bus; a listener's failure is reported and never undoes the committed write. */
export function makeInMemoryEventBus(onError: (error: unknown, event: DomainEvent) => void = () => {}): EventBus {
  const listeners = new Set<(event: DomainEvent) => void>();
  return {
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          onError(error, event);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

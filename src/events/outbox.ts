import type { Knex } from '@mikro-orm/postgresql';
import { EVENT_CHANNEL } from './event.types';
import type { NewHubEvent } from './event.types';

type Waker = (eventId: string) => void;
const wakers = new Set<Waker>();

/** Event buses of this process register here to hear, right after commit, what was published. */
export function onEventCommitted(waker: Waker): () => void {
  wakers.add(waker);
  return () => wakers.delete(waker);
}

/**
 * Writes an event into the transactional outbox IN THE CALLER'S TRANSACTION, together with one
 * delivery row per active webhook of the audience, and a NOTIFY that PostgreSQL sends only when
 * that transaction commits (LISTEN/NOTIFY reaches every hub instance). If the transaction rolls
 * back, nothing was announced; if the process dies after commit, the delivery rows are still
 * there and the dispatcher delivers them after restart.
 */
export async function publishEvent(trx: Knex, event: NewHubEvent): Promise<{ id: string }> {
  const res = await trx.raw<{ rows: { id: string }[] }>(
    `with e as (
       insert into hub_event (topic, audience, subject_uscc, payload) values (?, ?, ?, ?::jsonb) returning id
     ), d as (
       insert into webhook_delivery (event_id, webhook_id)
       select e.id, w.id from e, webhook w
        where w.department = ? and w.active and (cardinality(w.topics) = 0 or ? = any (w.topics))
     )
     select e.id, pg_notify(?, e.id::text) from e`,
    [event.topic, event.audience, event.subjectUscc, JSON.stringify(event.payload), event.audience, event.topic, EVENT_CHANNEL],
  );
  const id = res.rows[0]!.id;
  const wake = () => {
    for (const w of wakers) w(id);
  };
  // In-process wake-up after commit (the embedded database has no second connection to LISTEN on).
  const committed = (trx as unknown as Partial<Knex.Transaction>).executionPromise;
  if (committed) committed.then(wake, () => undefined);
  else wake();
  return { id };
}

-- A reservation row may now hold characters for many requests (characters a server holds ahead for a key), settled
-- in several steps: each step applies only if the row has seen exactly the steps before it, then counts one more, so
-- a step repeated after a lost acknowledgement changes nothing. A row settled in one step (a single request) is
-- deleted by it, as before.
ALTER TABLE quota_reservations ADD COLUMN settlements INTEGER NOT NULL DEFAULT 0;

-- Check-ins: a session is a workshop or a check-in that follows an earlier
-- session (a workshop or a check-in). The sessions list shows a workshop
-- with its check-ins; deleting a session leaves the ones after it in place.
ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'workshop';
ALTER TABLE sessions ADD COLUMN follows INTEGER REFERENCES sessions(id) ON DELETE SET NULL;
CREATE INDEX sessions_follows ON sessions(follows);

-- Sessions: the columns the sessions list shows, and the session's own
-- fields (agenda, purpose, decision, notes…) as one JSON document.
CREATE TABLE sessions (
	id           INTEGER PRIMARY KEY,
	title        TEXT NOT NULL DEFAULT '',
	organisation TEXT NOT NULL DEFAULT '',
	date         TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL DEFAULT '',
	language     TEXT NOT NULL DEFAULT 'fi',
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	header       TEXT NOT NULL
);
CREATE INDEX sessions_updated ON sessions(updated_at);

-- Records: every card of a session (participants, votes, drafts, actions…),
-- one row each, as JSON; seq keeps the order they were added in.
CREATE TABLE records (
	session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	kind       TEXT NOT NULL,
	key        TEXT NOT NULL,
	seq        INTEGER NOT NULL,
	data       TEXT NOT NULL,
	PRIMARY KEY (session_id, kind, key)
);
CREATE INDEX records_seq ON records(session_id, seq);

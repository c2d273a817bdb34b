package store

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"time"

	"lupauspaja/workshop"
)

// A workshop and the check-ins that follow it (each follows the workshop or
// an earlier check-in) are the promise's history: a family of sessions.

// Family returns the sessions of the family the session belongs to: the
// first session (the one that follows none) first, then the others by date.
func (s *Store) Family(id int64) ([]Summary, error) {
	root, err := s.root(id)
	if err != nil {
		return nil, err
	}
	out, err := s.summaries(`WITH RECURSIVE fam(id) AS (
			SELECT ?1 UNION SELECT s.id FROM sessions s JOIN fam ON s.follows = fam.id)
		SELECT `+summaryColumns+` FROM sessions s JOIN fam ON s.id = fam.id`, root)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].ID == root) != (out[j].ID == root) {
			return out[i].ID == root
		}
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// root follows the links up from the session to the one that follows none.
func (s *Store) root(id int64) (int64, error) {
	up, err := s.chain(id)
	if err != nil {
		return 0, err
	}
	return up[len(up)-1], nil
}

// Before returns the sessions the session follows, up its links to the
// one that follows none (the workshop), that one first: a check-in's
// history as it was made, without the check-ins beside it.
func (s *Store) Before(id int64) ([]int64, error) {
	up, err := s.chain(id)
	if err != nil {
		return nil, err
	}
	slices.Reverse(up)
	return up[:len(up)-1], nil
}

// chain is the session's id and those of the sessions up its links, the
// session first. A link to a session not there, or back into the chain,
// ends it.
func (s *Store) chain(id int64) ([]int64, error) {
	var up []int64
	seen := map[int64]bool{}
	for {
		var follows int64
		err := s.db.QueryRow(`SELECT COALESCE(follows, 0) FROM sessions WHERE id = ?`, id).Scan(&follows)
		if err != nil {
			if len(up) == 0 {
				return nil, fmt.Errorf("open session %d: %w", id, notFound(s.path, err))
			}
			if errors.Is(err, sql.ErrNoRows) {
				return up, nil // a link to a session not there ends the chain
			}
			return nil, fmt.Errorf("session %d: %w", id, err)
		}
		up = append(up, id)
		seen[id] = true
		if follows == 0 || seen[follows] {
			return up, nil
		}
		id = follows
	}
}

// DeletedWith lists the sessions that Delete(id) removes besides the session
// itself, in date order: for a workshop, every check-in that follows it; for
// a check-in, none.
func (s *Store) DeletedWith(id int64) ([]Summary, error) {
	var kind string
	if err := s.db.QueryRow(`SELECT kind FROM sessions WHERE id = ?`, id).Scan(&kind); err != nil {
		return nil, fmt.Errorf("session %d: %w", id, notFound(s.path, err))
	}
	if kind == workshop.SessionCheckin {
		return nil, nil
	}
	return s.summaries(descendants+` SELECT `+summaryColumns+` FROM sessions s JOIN fam ON s.id = fam.id
		WHERE s.id != ?1 ORDER BY s.date, s.id`, id)
}

// LoadFamily loads every session of the family, in Family's order.
func (s *Store) LoadFamily(id int64) ([]*workshop.Session, error) {
	fam, err := s.Family(id)
	if err != nil {
		return nil, err
	}
	out := make([]*workshop.Session, 0, len(fam))
	for _, f := range fam {
		sess, err := s.Load(f.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, sess)
	}
	return out, nil
}

// CreateCheckin stores a new check-in that follows the session with the id
// (see workshop.NewCheckin) and returns it with its id set.
func (s *Store) CreateCheckin(id int64, date, preset string, now time.Time) (*workshop.Session, error) {
	prev, err := s.Load(id)
	if err != nil {
		return nil, err
	}
	c, err := workshop.NewCheckin(prev, date, preset, now)
	if err != nil {
		return nil, err
	}
	if err := s.Create(c); err != nil {
		return nil, err
	}
	return c, nil
}

func notFound(path string, err error) error {
	if err == sql.ErrNoRows {
		return ErrNotFound
	}
	return classify(path, err)
}

package store_test

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/store"
)

// A database of schema 2 (the tables as now, before held and hidden cards)
// opens with a backup, loses nothing, and then keeps the cards held for
// approval and the hidden ones through the editor, across a restart.
func TestSchema2DatabaseUpgradesAndKeepsHeldAndHiddenCards(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lupauspaja.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s := workshop.NewSession("fi")
	s.Title = "Ennen hyväksyntäjonoa"
	s.Participants = []workshop.Participant{{ID: "P1", Name: "Åsa Öhman", Kind: workshop.KindEmployee}}
	s.Drafts = []workshop.Draft{{ID: "D1", Text: "Tiedät aina, missä tavarasi menee.", AuthorIDs: []string{"P1"}, SegmentIDs: []string{}, Version: 1}}
	if err := st.Create(s); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st = store.ReopenFromSchema(t, path, 2) // as the app before this one left it
	ed, err := editor.Open(st, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	var held workshop.PendingCard
	err = ed.Edit(func(ws *workshop.Session) error {
		if len(ws.Drafts) != 1 || ws.Participants[0].Name != "Åsa Öhman" {
			t.Fatalf("the upgrade lost something: %+v", ws)
		}
		var err error
		held, err = ws.HoldCard(workshop.CardInput{Kind: workshop.CardDraft, Text: "Vastaamme samana päivänä."}, "P1", "room:d1", time.Now())
		if err != nil {
			return err
		}
		return ws.SetCardHidden(workshop.CardDraft, "D1", true)
	})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	st, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.Load(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Pending) != 1 || got.Pending[0] != held || !got.CardHidden(workshop.CardDraft, "D1") || len(got.Drafts) != 1 {
		t.Fatalf("after a restart: pending %+v, hidden %v", got.Pending, got.HiddenCards)
	}
	// Approval and a rejection are edits like any other: on disk at once.
	ed, err = editor.Open(st, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := ed.Edit(func(ws *workshop.Session) error { _, _, err := ws.ApproveCard(held.ID); return err }); err != nil {
		t.Fatal(err)
	}
	got, _ = st.Load(s.ID)
	if len(got.Pending) != 0 || len(got.Drafts) != 2 || got.Drafts[1].Text != "Vastaamme samana päivänä." {
		t.Fatalf("after approval: pending %+v, drafts %+v", got.Pending, got.Drafts)
	}
	// An app that knows only schema 2 is told the file is newer, rather
	// than taking the held cards for damage.
	var v int
	raw, _ := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	defer raw.Close()
	raw.QueryRow("PRAGMA user_version").Scan(&v)
	if v != store.SchemaVersion() || v < 3 {
		t.Fatalf("schema %d", v)
	}
}

package ui

import (
	"lupauspaja/ui/room"
	"lupauspaja/workshop"
)

// deleteParticipant removes a participant with what refers to them; the
// undo stack can bring them back.
func (w *workspace) deleteParticipant(id string) {
	var gone *workshop.Removal
	saved := w.edit(func(s *workshop.Session) error {
		var err error
		gone, err = s.RemoveParticipant(id)
		return err
	})
	// A deletion that was not saved was taken back; there is nothing to undo.
	if saved && gone != nil {
		w.room.Undo.Push(room.Removal(w.u.tr.T("setup.people.deleted", map[string]any{"Name": gone.Text}), gone, w.changed))
		w.changed()
	}
}

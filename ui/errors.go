package ui

import (
	"errors"
	"io/fs"

	"lupauspaja/ui/field"
	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/library"
)

// humanError turns an error into a sentence a facilitator understands,
// followed by the technical detail for whoever helps them.
func humanError(tr *i18n.Tr, err error) string {
	key := ""
	var ve *workshop.ValidationError
	switch {
	case errors.Is(err, library.ErrNotDatabase):
		key = "app.error.db.not_database"
	case errors.Is(err, library.ErrForeignDatabase):
		key = "app.error.db.foreign"
	case errors.Is(err, library.ErrNewerDatabase):
		key = "app.error.db.newer"
	case errors.Is(err, library.ErrReadOnly):
		key = "app.error.db.read_only"
	case errors.Is(err, library.ErrInUse):
		key = "app.error.db.in_use"
	case errors.Is(err, library.ErrNotFound):
		key = "app.error.session.not_found"
	case errors.Is(err, library.ErrTooLarge):
		key = "app.error.file.too_large"
	case errors.Is(err, library.ErrNewerFile):
		key = "app.error.file.newer"
	case errors.Is(err, library.ErrEncoding):
		key = "app.error.file.encoding"
	case errors.Is(err, library.ErrNotSessionFile):
		key = "app.error.file.not_session"
	case errors.Is(err, library.ErrDamaged), errors.As(err, &ve):
		key = "app.error.file.damaged"
	case errors.Is(err, fs.ErrPermission):
		key = "app.error.permission"
	case errors.Is(err, fs.ErrNotExist):
		key = "app.error.not_exist"
	case refusal(err):
		// A sentence about what was typed: no "something went wrong".
		var r *field.Refused
		if errors.As(err, &r) {
			return r.Sentence
		}
		return field.Refusal(tr, err).Error()
	default:
		return tr.T("app.error.general", map[string]any{"Detail": err.Error()})
	}
	return tr.T(key) + "\n\n" + tr.T("app.error.detail", map[string]any{"Detail": err.Error()})
}

// refusal reports whether err refuses what was typed, in a sentence of its
// own (field.Refused) or as an operation's typed refusal (an InputError):
// something to check and correct, not a failure.
func refusal(err error) bool {
	var r *field.Refused
	var ie *workshop.InputError
	return errors.As(err, &r) || errors.As(err, &ie)
}

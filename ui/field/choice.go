package field

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"lupauspaja/ui/i18n"
	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
)

// Option is one value of a choice and the label shown for it.
type Option struct {
	Value string
	Label string
}

// Options builds the options of an enumeration from its label map (e.g.
// workshop.EvidenceLabels) in the given order, in the language.
func Options(labels map[string]workshop.Text, lang string, values ...string) []Option {
	out := make([]Option, 0, len(values))
	for _, v := range values {
		out = append(out, Option{Value: v, Label: workshop.Label(labels, v, lang)})
	}
	return out
}

// Choice is a select or a radio group bound to a field of the session; a
// choice is stored at once, as there is no typing to wait for.
type Choice struct {
	tr      *i18n.Tr
	ed      *editor.Editor
	get     func(s *workshop.Session) string
	set     func(s *workshop.Session, v string) error
	options []Option

	// OnError receives a storing error (nil: ignored after the choice is reset).
	OnError func(error)
	// OnSaved, when set, runs after each stored choice.
	OnSaved func()

	Select  *widget.Select     // set when made with NewSelect
	Radio   *widget.RadioGroup // set when made with NewRadio
	obj     fyne.CanvasObject
	loading bool
}

// NewSelect returns a drop-down of the options bound to get/set. The empty
// value shows the placeholder; a user cannot choose it back unless it is an option.
func NewSelect(tr *i18n.Tr, ed *editor.Editor, options []Option, placeholder string,
	get func(s *workshop.Session) string,
	set func(s *workshop.Session, v string) error) *Choice {
	c := &Choice{tr: tr, ed: ed, get: get, set: set, options: options}
	c.Select = widget.NewSelect(c.labels(), func(label string) { c.chosen(label) })
	c.Select.PlaceHolder = placeholder
	c.obj = c.Select
	c.Refresh()
	return c
}

// NewRadio returns a horizontal radio group of the options bound to get/set;
// tapping the chosen option again clears it (stores "").
func NewRadio(tr *i18n.Tr, ed *editor.Editor, options []Option,
	get func(s *workshop.Session) string,
	set func(s *workshop.Session, v string) error) *Choice {
	c := &Choice{tr: tr, ed: ed, get: get, set: set, options: options}
	c.Radio = widget.NewRadioGroup(c.labels(), func(label string) { c.chosen(label) })
	c.Radio.Horizontal = true
	c.obj = container.NewHBox(c.Radio)
	c.Refresh()
	return c
}

func (c *Choice) labels() []string {
	out := make([]string, len(c.options))
	for i, o := range c.options {
		out[i] = o.Label
	}
	return out
}

func (c *Choice) valueOf(label string) string {
	for _, o := range c.options {
		if o.Label == label {
			return o.Value
		}
	}
	return ""
}

func (c *Choice) labelOf(value string) string {
	for _, o := range c.options {
		if o.Value == value {
			return o.Label
		}
	}
	return ""
}

func (c *Choice) chosen(label string) {
	if c.loading {
		return
	}
	v := c.valueOf(label)
	err := c.ed.Edit(func(s *workshop.Session) error {
		if c.get(s) == v {
			return nil
		}
		return c.set(s, v)
	})
	if err != nil {
		c.Refresh() // show what is stored, not what failed
		if c.OnError != nil {
			c.OnError(saveError(c.tr, err))
		}
		return
	}
	if c.OnSaved != nil {
		c.OnSaved()
	}
}

// Value is the value shown now.
func (c *Choice) Value() string {
	if c.Select != nil {
		return c.valueOf(c.Select.Selected)
	}
	return c.valueOf(c.Radio.Selected)
}

// SetValue chooses the value as if the user had (and stores it).
func (c *Choice) SetValue(v string) {
	l := c.labelOf(v)
	if c.Select != nil {
		if l == "" {
			c.Select.ClearSelected()
		} else {
			c.Select.SetSelected(l)
		}
		return
	}
	c.Radio.SetSelected(l)
}

// Object implements Bound.
func (c *Choice) Object() fyne.CanvasObject { return c.obj }

// Flush implements Bound; choices are stored when made.
func (c *Choice) Flush() {}

// Refresh implements Bound.
func (c *Choice) Refresh() {
	var v string
	c.ed.Read(func(s *workshop.Session) { v = c.get(s) })
	l := c.labelOf(v)
	c.loading = true
	defer func() { c.loading = false }()
	if c.Select != nil {
		if c.Select.Selected == l {
			return
		}
		if l == "" {
			c.Select.ClearSelected()
		} else {
			c.Select.SetSelected(l)
		}
		return
	}
	if c.Radio.Selected != l {
		c.Radio.SetSelected(l)
	}
}

// Package buildinfo tells which build of the app is running: the commit it
// was built from, for `lupauspaja --version` and the About box.
package buildinfo

import "runtime/debug"

// commit is set by `make dist` (scripts/dist.sh):
// -ldflags "-X lupauspaja/buildinfo.commit=1a2b3c4d".
var commit string

// Commit is the commit the binary was built from: the one `make dist` set,
// else the one the go command stamped into the binary (vcs.revision, with
// "-dirty" when the tree had changes), else "" (go run, go test).
func Commit() string {
	if commit != "" {
		return commit
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	return fromSettings(bi.Settings)
}

func fromSettings(settings []debug.BuildSetting) string {
	var rev, modified string
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return ""
	}
	if len(rev) > 8 {
		rev = rev[:8]
	}
	if modified == "true" {
		rev += "-dirty"
	}
	return rev
}

package main

import (
	"os"
	"regexp"
	"testing"
)

// The metadata set in gui.go must match FyneApp.toml, which packaging reads.
func TestMetadataMatchesFyneAppToml(t *testing.T) {
	b, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	for field, want := range map[string]string{"ID": appID, "Name": appName, "Version": appVersion} {
		m := regexp.MustCompile(`(?m)^\s*` + field + `\s*=\s*"([^"]*)"`).FindSubmatch(b)
		if m == nil || string(m[1]) != want {
			t.Errorf("FyneApp.toml %s = %q, gui.go says %q", field, m, want)
		}
	}
	if !regexp.MustCompile(`(?m)^\s*Icon\s*=\s*"assets/icon.png"`).Match(b) {
		t.Error("FyneApp.toml has no Icon = \"assets/icon.png\"")
	}
}

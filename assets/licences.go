package assets

import "embed"

// Licences holds the licences of what the app is made of (the Go modules
// linked in, the Go standard library, C libraries, the fonts), written by
// scripts/dist-licences.sh from the module graph: licences/index.tsv lists
// them (kind, name, version, licence, systems, file), licences/texts/ holds
// each text. The About box shows them; the packages ship them.
//
//go:embed licences/index.tsv licences/texts
var Licences embed.FS

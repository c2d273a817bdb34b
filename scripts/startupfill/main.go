// Command startupfill fills a database with copies of a session file, for
// measuring start-up with many sessions: startupfill DB FILE.json N.
// FILE "large" is the generated large session (fixture.Large), which
// scripts/memory.sh measures the window with.
package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"

	"lupauspaja/workshop/fixture"
	"lupauspaja/workshop/sessionfile"
	"lupauspaja/workshop/store"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: startupfill DB FILE.json|large N")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[3])
	if err != nil {
		fmt.Fprintln(os.Stderr, "startupfill: N:", err)
		os.Exit(2)
	}
	var data []byte
	if os.Args[2] == "large" {
		data, err = sessionfile.Marshal(fixture.Large(), sessionfile.Options{})
	} else {
		data, err = os.ReadFile(os.Args[2])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "startupfill:", err)
		os.Exit(1)
	}
	st, err := store.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "startupfill:", err)
		os.Exit(1)
	}
	defer st.Close()
	for i := 0; i < n; i++ {
		s, err := sessionfile.Read(bytes.NewReader(data))
		if err != nil {
			fmt.Fprintln(os.Stderr, "startupfill:", err)
			os.Exit(1)
		}
		s.Title = fmt.Sprintf("%s #%d", s.Title, i+1)
		if err := st.Create(s); err != nil {
			fmt.Fprintln(os.Stderr, "startupfill:", err)
			os.Exit(1)
		}
	}
}

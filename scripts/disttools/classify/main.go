// Command classify names the licence in each file given, with the same
// classifier go-licenses uses for the modules: one line per file,
// "path<TAB>names<TAB>type" (names joined by ", "). It fails on a file in
// which no licence is found, so nothing is shipped under a guessed name.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/google/go-licenses/v2/licenses"
)

func main() {
	c, err := licenses.NewClassifier()
	if err != nil {
		fmt.Fprintln(os.Stderr, "classify:", err)
		os.Exit(1)
	}
	status := 0
	for _, path := range os.Args[1:] {
		found, err := c.Identify(path)
		if err == nil && len(found) == 0 {
			err = fmt.Errorf("no licence found")
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "classify: %s: %v\n", path, err)
			status = 1
			continue
		}
		var names, types []string
		seen := map[string]bool{}
		for _, l := range found {
			if seen[l.Name] {
				continue
			}
			seen[l.Name] = true
			names = append(names, l.Name)
			types = append(types, l.Type.String())
		}
		fmt.Printf("%s\t%s\t%s\n", path, strings.Join(names, ", "), strings.Join(types, ", "))
	}
	os.Exit(status)
}

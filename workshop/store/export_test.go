package store

// QuickCheckLimit lets tests and benchmarks move the size up to which every
// open checks the file page by page.
var QuickCheckLimit = &quickCheckLimit

// AddTestMigrations adds migrations after the embedded ones, for tests that
// go through a real upgrade; the returned function removes them.
func AddTestMigrations(sqls ...string) (remove func()) {
	v := SchemaVersion()
	for i, q := range sqls {
		testMigrations = append(testMigrations, migration{v + 1 + i, q})
	}
	return func() { testMigrations = nil }
}

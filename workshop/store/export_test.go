package store

// QuickCheckLimit lets tests and benchmarks move the size up to which every
// open checks the file page by page.
var QuickCheckLimit = &quickCheckLimit

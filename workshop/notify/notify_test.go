package notify

import "testing"

func TestARemovedListenerIsNotCalledAndTheOthersAre(t *testing.T) {
	var l List[func(int)]
	got := map[string]int{}
	l.Add(func(n int) { got["a"] += n })
	remove := l.Add(func(n int) { got["b"] += n })
	l.Add(func(n int) { got["c"] += n })
	remove()
	remove() // twice is harmless
	for _, fn := range l.All() {
		fn(2)
	}
	if len(got) != 2 || got["a"] != 2 || got["c"] != 2 {
		t.Fatalf("called %v, want a and c once each", got)
	}
}

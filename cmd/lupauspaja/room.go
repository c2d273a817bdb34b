package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"lupauspaja/workshop"
	"lupauspaja/workshop/editor"
	"lupauspaja/workshop/phone"
	"lupauspaja/workshop/store"
)

func init() {
	verbs["room"] = verb{usage: "room ID [--addr HOST:PORT] [--guests]  serve the session to phones without a window, until stopped", run: runRoom}
}

// defaultRoomPort is the port the room listens on unless told otherwise: a
// fixed one, so that a firewall rule made once keeps working.
const defaultRoomPort = "8765"

// runRoom serves a session to the participants' phones without the window:
// the first line of output is the join link with its token, the second the
// short address and the room code. Phone input is open on every step (there
// is no window to open it from); it serves until interrupted or terminated.
func runRoom(env *cliEnv, args []string) error {
	fs := flag.NewFlagSet("room", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addr := fs.String("addr", "", "HOST:PORT to listen on (default: this machine's Wi-Fi or Ethernet address, port "+defaultRoomPort+")")
	guests := fs.Bool("guests", false, "let people not on the participant list join as guests")
	var idArg string
	rest := args
	if len(rest) > 0 && len(rest[0]) > 0 && rest[0][0] != '-' {
		idArg, rest = rest[0], rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return fmt.Errorf("%v (usage: lupauspaja room ID [--addr HOST:PORT] [--guests])", err)
	}
	if idArg == "" && fs.NArg() > 0 {
		idArg = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (usage: lupauspaja room ID [--addr HOST:PORT])", fs.Arg(0))
	}
	if idArg == "" {
		return errors.New("give the id of the session (see lupauspaja list)")
	}
	id, err := strconv.ParseInt(idArg, 10, 64)
	if err != nil || id <= 0 {
		return fmt.Errorf("%q is not a session id (a number; see lupauspaja list)", idArg)
	}
	if *addr == "" {
		host := "127.0.0.1"
		if cs := phone.Addresses(); len(cs) > 0 {
			host = cs[0].IP
		}
		*addr = net.JoinHostPort(host, defaultRoomPort)
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return fmt.Errorf("--addr %q is not HOST:PORT", *addr)
	}
	release, err := store.LockInstance(env.dbPath)
	if err != nil {
		return err
	}
	defer release()
	st, err := env.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	ed, err := editor.Open(st, id)
	if err != nil {
		return err
	}
	srv := phone.New(phone.FromEditor(ed), phone.Options{Addr: *addr, Logf: func(f string, a ...any) { fmt.Fprintf(env.stderr, f+"\n", a...) }})
	srv.SetGuests(*guests)
	for _, s := range workshop.Steps {
		srv.SetInputOpen(s.Key, true)
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(stop)
	if err := srv.Start(); err != nil {
		return err
	}
	defer srv.Close()
	if _, err := fmt.Fprintf(env.stdout, "%s\n%s\t%s\n", srv.JoinURL(), srv.ShortURL(), srv.Code()); err != nil {
		return err
	}
	<-stop
	return srv.Close()
}

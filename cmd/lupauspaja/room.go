package main

import (
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	"lupauspaja/workshop"
	"lupauspaja/workshop/library"
	"lupauspaja/workshop/phone"
)

// defaultRoomPort is the port the room listens on unless told otherwise: a
// fixed one, so that a firewall rule made once keeps working.
const defaultRoomPort = "8765"

// runRoom serves a session to the participants' phones without the window:
// the first line of output is the join link with its token, the second the
// short address and the room code. Phone input is open on every step (there
// is no window to open it from); it serves until interrupted or terminated.
func runRoom(env *cliEnv, args []string) error {
	fs := env.flags()
	addr := fs.String("addr", "", "HOST:PORT to listen on (default: this machine's Wi-Fi or Ethernet address, port "+defaultRoomPort+")")
	guests := fs.Bool("guests", false, "let people not on the participant list join as guests")
	id, err := env.parseSession(fs, args)
	if err != nil {
		return err
	}
	if *addr == "" {
		host := "127.0.0.1"
		if cs := phone.Addresses(); len(cs) > 0 {
			host = cs[0].IP
		}
		*addr = net.JoinHostPort(host, defaultRoomPort)
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return usagef("--addr %q is not HOST:PORT", *addr)
	}
	if err := env.needDatabase(); err != nil {
		return err
	}
	release, err := library.Lock(env.dbPath)
	if err != nil {
		return err
	}
	defer release()
	lib, err := env.openLibrary()
	if err != nil {
		return err
	}
	defer lib.Close()
	ed, err := lib.Edit(id)
	if err != nil {
		return err
	}
	srv := phone.New(ed, phone.Options{Addr: *addr, Logf: func(f string, a ...any) { fmt.Fprintf(env.stderr, f+"\n", a...) }})
	if err := srv.SetGuests(*guests); err != nil {
		return err
	}
	for _, s := range workshop.Steps {
		if err := srv.SetInputOpen(s.Key, true); err != nil {
			return err
		}
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

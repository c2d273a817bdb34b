package phone

import (
	"net"
	"sort"
	"strings"
)

// Candidate is an address the room could listen on.
type Candidate struct {
	IP        string // IPv4 address
	Interface string // the network adapter's name
	Preferred bool   // a physical Wi-Fi or Ethernet adapter with a private address
}

// virtualAdapters are name parts of adapters phones cannot reach: virtual
// machines, containers, VPNs and WSL.
var virtualAdapters = []string{"docker", "veth", "br-", "virbr", "vmnet", "vbox", "vethernet", "wsl", "hyper-v",
	"tun", "tap", "wg", "tailscale", "zt", "utun", "ppp", "ipsec", "vpn", "lxc", "lxd", "cni", "flannel",
	"podman", "awdl", "llw", "bridge", "virtual", "loopback", "isatap", "teredo"}

// physicalAdapters are name parts of Wi-Fi and Ethernet adapters on Linux,
// macOS and Windows.
var physicalAdapters = []string{"wl", "wi-fi", "wifi", "wlan", "wireless", "eth", "en", "ethernet", "lan"}

// Addresses lists the IPv4 addresses of this machine's adapters that are up,
// the best guess first: a physical Wi-Fi or Ethernet adapter with a private
// address, then other private addresses, then the rest. Loopback and
// virtual adapters are left out. Nothing is sent on the network.
func Addresses() []Candidate {
	ifs, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var out []Candidate
	for _, in := range ifs {
		if in.Flags&net.FlagUp == 0 || in.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := in.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			ipn, ok := a.(*net.IPNet)
			if !ok || ipn.IP.To4() == nil || ipn.IP.IsLoopback() || ipn.IP.IsLinkLocalUnicast() {
				continue
			}
			out = append(out, Candidate{IP: ipn.IP.String(), Interface: in.Name})
		}
	}
	return rank(out)
}

// rank marks and orders candidates: preferred first, virtual adapters out.
func rank(cs []Candidate) []Candidate {
	score := func(c Candidate) int {
		ip := net.ParseIP(c.IP)
		n := 0
		if ip != nil && ip.IsPrivate() {
			n += 2
		}
		if isPhysical(c.Interface) {
			n++
		}
		return n
	}
	var out []Candidate
	for _, c := range cs {
		if isVirtual(c.Interface) {
			continue
		}
		c.Preferred = score(c) == 3
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return score(out[i]) > score(out[j]) })
	return out
}

func isVirtual(name string) bool {
	n := strings.ToLower(name)
	for _, v := range virtualAdapters {
		if strings.HasPrefix(n, v) || (len(v) > 3 && strings.Contains(n, v)) {
			return true
		}
	}
	return false
}

func isPhysical(name string) bool {
	n := strings.ToLower(name)
	for _, p := range physicalAdapters {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

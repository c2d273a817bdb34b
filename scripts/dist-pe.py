#!/usr/bin/env python3
"""dist-pe.py EXE — prints what a Windows exe carries, one fact a line:

  subsystem gui|console
  resource icon|group_icon|version|manifest COUNT
  fileversion A.B.C.D         (VS_FIXEDFILEINFO of the version resource)
  string NAME VALUE           (the version resource's StringFileInfo)

Reads the PE headers and the resource directory itself (no pefile module
on Debian by default); scripts/dist-check.sh compares the lines with what
FyneApp.toml says.
"""
import struct
import sys

RT = {3: "icon", 14: "group_icon", 16: "version", 24: "manifest"}


def main(path):
    data = open(path, "rb").read()
    if data[:2] != b"MZ":
        sys.exit(f"{path}: not an exe (no MZ)")
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe:pe + 4] != b"PE\0\0":
        sys.exit(f"{path}: no PE header")
    nsections = struct.unpack_from("<H", data, pe + 6)[0]
    opt_size = struct.unpack_from("<H", data, pe + 20)[0]
    opt = pe + 24
    magic = struct.unpack_from("<H", data, opt)[0]
    if magic != 0x20B:
        sys.exit(f"{path}: not PE32+ (magic {magic:#x})")
    subsystem = struct.unpack_from("<H", data, opt + 68)[0]
    print("subsystem", {2: "gui", 3: "console"}.get(subsystem, str(subsystem)))
    # Data directory 2 is the resource table (PE32+: directories at +112).
    rsrc_rva, rsrc_size = struct.unpack_from("<II", data, opt + 112 + 2 * 8)
    sections = []
    for i in range(nsections):
        off = opt + opt_size + i * 40
        vsize, va, rawsize, rawptr = struct.unpack_from("<IIII", data, off + 8)
        sections.append((va, max(vsize, rawsize), rawptr))

    def at(rva):
        for va, size, raw in sections:
            if va <= rva < va + size:
                return raw + rva - va
        sys.exit(f"{path}: RVA {rva:#x} is in no section")

    if rsrc_rva == 0:
        return
    base = at(rsrc_rva)

    def entries(off):
        named, ids = struct.unpack_from("<HH", data, off + 12)
        for i in range(named + ids):
            name, target = struct.unpack_from("<II", data, off + 16 + i * 8)
            yield name, target

    def leaves(off):
        for _, target in entries(off):
            if target & 0x80000000:
                yield from leaves(base + (target & 0x7FFFFFFF))
            else:
                rva, size = struct.unpack_from("<II", data, base + target)
                yield data[at(rva):at(rva) + size]

    for name, target in entries(base):
        kind = RT.get(name)
        if kind is None or not target & 0x80000000:
            continue
        blobs = list(leaves(base + (target & 0x7FFFFFFF)))
        print("resource", kind, len(blobs))
        if kind == "version":
            for blob in blobs:
                version_info(blob)


def version_info(blob):
    sig = blob.find(struct.pack("<I", 0xFEEF04BD))
    if sig >= 0:
        ms, ls = struct.unpack_from("<II", blob, sig + 8)
        print(f"fileversion {ms >> 16}.{ms & 0xFFFF}.{ls >> 16}.{ls & 0xFFFF}")
    # StringFileInfo: String blocks are wLength, wValueLength, wType, key
    # (UTF-16, NUL-terminated, padded to 4 bytes), value.
    text = blob.decode("utf-16-le", errors="replace")
    for key in ("ProductName", "FileDescription", "ProductVersion", "FileVersion", "CompanyName"):
        i = text.find(key + "\0")
        if i < 0:
            continue
        j = i + len(key) + 1
        while j < len(text) and text[j] == "\0":
            j += 1
        end = text.find("\0", j)
        print("string", key, text[j:end])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])

#!/usr/bin/env python3
"""Crops the blank white bottom of a PNG screenshot (and optionally caps its height),
using only the standard library: 8-bit RGB/RGBA, non-interlaced PNGs as Chromium writes.

    trim-png.py IN.png [OUT.png] [--top Y] [--max-height N] [--width W]

--width keeps the leftmost W pixels of each row.
"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"trim-png: {path} is not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace:
        raise SystemExit(f"trim-png: {path}: only 8-bit RGB/RGBA non-interlaced PNGs are supported")
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        if f == 1:
            for x in range(bpp, stride):
                line[x] = (line[x] + line[x - bpp]) & 255
        elif f == 2:
            for x in range(stride):
                line[x] = (line[x] + prev[x]) & 255
        elif f == 3:
            for x in range(stride):
                left = line[x - bpp] if x >= bpp else 0
                line[x] = (line[x] + ((left + prev[x]) >> 1)) & 255
        elif f == 4:
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = prev[x]
                c = prev[x - bpp] if x >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, bpp, color, rows


def write_png(path, width, bpp, color, rows):
    out = bytearray()
    prev = bytes(len(rows[0])) if rows else b""
    for line in rows:
        # "Up" filter: screenshots of text repeat vertically, which compresses well.
        out.append(2)
        out.extend(bytes((a - b) & 255 for a, b in zip(line, prev)))
        prev = line
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, len(rows), 8, color, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(out), 9)) + chunk(b"IEND", b""))


def main():
    args = sys.argv[1:]
    max_height = None
    top = 0
    if "--top" in args:
        k = args.index("--top")
        top = int(args[k + 1])
        del args[k:k + 2]
    if "--max-height" in args:
        k = args.index("--max-height")
        max_height = int(args[k + 1])
        del args[k:k + 2]
    keep_width = None
    if "--width" in args:
        k = args.index("--width")
        keep_width = int(args[k + 1])
        del args[k:k + 2]
    src = args[0]
    dst = args[1] if len(args) > 1 else src
    width, bpp, color, rows = read_png(src)
    white = bytes([255] * bpp) if bpp == 3 else None
    last = 0
    for y, line in enumerate(rows):
        if bpp == 3:
            blank = line == white
        else:
            blank = all(line[x] == 255 for x in range(len(line)) if x % 4 != 3)
        if not blank:
            last = y
    end = min(len(rows), last + 24)
    if max_height:
        end = min(end, top + max_height)
    rows = rows[top:end]
    if keep_width and keep_width < width:
        rows = [line[:keep_width * bpp] for line in rows]
        width = keep_width
    write_png(dst, width, bpp, color, rows)
    print(f"{dst}: {width}x{end - top}")


if __name__ == "__main__":
    main()

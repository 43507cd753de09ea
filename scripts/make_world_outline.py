#!/usr/bin/env python3
"""Writes Sources/CreativeCities/WorldOutline+Data.swift: the land and country outlines the
geographic map draws under the network.

Source: Natural Earth 1:110m Admin 0 countries, as shipped inside the geopandas 0.14.4 wheel
(geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp, Natural Earth 5.x, public
domain: https://www.naturalearthdata.com/about/terms-of-use/).

    pip download --no-deps geopandas==0.14.4 -d /tmp/gpd
    cd /tmp/gpd && unzip -o geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/naturalearth_lowres/*'
    python3 scripts/make_world_outline.py /tmp/gpd/geopandas/datasets/naturalearth_lowres

Pure standard-library Python (the shapefile and dBase readers are below). Steps:
1. read every polygon ring of every country, with the country's ISO 3166-1 alpha-3 code
   (`iso_a3`, or the name when the code is -99);
2. leave out Antarctica (no member city lies south of 60° S) and rings smaller than
   MIN_AREA square degrees (islands too small to see at 1:110m on a 1,500-point-wide map);
3. simplify each ring with Douglas–Peucker (Douglas & Peucker 1973), the tolerance in degrees
   found by bisection so that about TARGET_POINTS points remain in all;
4. write the rings, longitude and latitude rounded to 0.01°, one "> CODE" line per ring;
5. the same for the rings that reach into EUROPE (the area the world map enlarges about
   six times), simplified with EUROPE_TOLERANCE degrees instead, for the enlargement.
The output is the same bytes for the same input.
"""
import math
import os
import struct
import sys

TARGET_POINTS = 2000
MIN_AREA = 0.6  # square degrees
EUROPE = (-13, 33, 44, 68)  # west, south, east, north: the enlarged area and a margin
EUROPE_TOLERANCE = 0.12  # degrees
EUROPE_MIN_AREA = 0.05  # square degrees
OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "CreativeCities", "WorldOutline+Data.swift")


def read_dbf(path):
    with open(path, "rb") as f:
        data = f.read()
    count, header_size, record_size = struct.unpack("<IHH", data[4:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode("ascii")
        size = data[pos + 16]
        fields.append((name, size))
        pos += 32
    records = []
    for r in range(count):
        start = header_size + r * record_size + 1  # skip the deletion flag
        record, offset = {}, start
        for name, size in fields:
            record[name] = data[offset:offset + size].decode("utf-8", "replace").strip()
            offset += size
        records.append(record)
    return records


def read_shp(path):
    """Polygon rings ([(lon, lat)]) of each record, in record order."""
    with open(path, "rb") as f:
        data = f.read()
    pos, shapes = 100, []
    while pos < len(data):
        _, length = struct.unpack(">II", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + 2 * length]
        pos += 8 + 2 * length
        shape_type = struct.unpack("<i", body[:4])[0]
        if shape_type != 5:
            shapes.append([])
            continue
        num_parts, num_points = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack("<%di" % num_parts, body[44:44 + 4 * num_parts]))
        offset = 44 + 4 * num_parts
        points = [struct.unpack("<dd", body[offset + 16 * i:offset + 16 * i + 16]) for i in range(num_points)]
        rings = []
        for k, begin in enumerate(parts):
            end = parts[k + 1] if k + 1 < num_parts else num_points
            rings.append(points[begin:end])
        shapes.append(rings)
    return shapes


def area(ring):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))) / 2


def douglas_peucker(points, tolerance):
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, index = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = math.hypot(px - ax, py - ay) if norm == 0 else abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.append((a, index))
            stack.append((index, b))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring, tolerance):
    # A closed ring: split at the point farthest from the first so both halves keep an end.
    ring = ring[:-1] if ring[0] == ring[-1] else ring
    far = max(range(len(ring)), key=lambda i: math.hypot(ring[i][0] - ring[0][0], ring[i][1] - ring[0][1]))
    first = douglas_peucker(ring[:far + 1], tolerance)
    second = douglas_peucker(ring[far:] + ring[:1], tolerance)
    return first[:-1] + second[:-1]


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/gpd/geopandas/datasets/naturalearth_lowres"
    base = os.path.join(folder, "naturalearth_lowres")
    records, shapes = read_dbf(base + ".dbf"), read_shp(base + ".shp")
    rings, europe = [], []
    west, south, east, north = EUROPE
    for record, shape in zip(records, shapes):
        if record.get("name") == "Antarctica":
            continue
        code = record.get("iso_a3", "-99")
        if code in ("-99", ""):
            code = record.get("name", "?").replace(" ", "_")
        for ring in shape:
            if area(ring) >= MIN_AREA:
                rings.append((code, ring))
            reaches = any(west <= x <= east and south <= y <= north for x, y in ring)
            if reaches and area(ring) >= EUROPE_MIN_AREA:
                europe.append((code, ring))
    low, high = 0.0, 5.0
    for _ in range(40):
        mid = (low + high) / 2
        total = sum(len(simplify_ring(r, mid)) for _, r in rings)
        if total > TARGET_POINTS:
            low = mid
        else:
            high = mid
    tolerance = high

    def encode(selection, tolerance):
        lines, total = [], 0
        for code, ring in selection:
            simple = simplify_ring(ring, tolerance)
            if len(simple) < 3:
                continue
            total += len(simple)
            lines.append("> " + code)
            line = ""
            for x, y in simple:
                item = "%.2f,%.2f" % (x, y)
                if len(line) + len(item) + 1 > 90:
                    lines.append(line)
                    line = item
                else:
                    line = item if not line else line + " " + item
            if line:
                lines.append(line)
        return "\n".join("        " + l for l in lines), total, sum(1 for l in lines if l.startswith(">"))

    body, total, count = encode(rings, tolerance)
    europe_body, europe_total, europe_count = encode(europe, EUROPE_TOLERANCE)
    source = f"""// Generated by scripts/make_world_outline.py; do not edit by hand.
// Natural Earth 1:110m Admin 0 countries (public domain), from naturalearth_lowres in the
// geopandas 0.14.4 wheel; Antarctica and rings under {MIN_AREA} square degrees left out;
// Douglas-Peucker with a tolerance of {tolerance:.3f} degrees: {count} rings, {total} points.
// Europe (rings reaching into {EUROPE}, under {EUROPE_MIN_AREA} square degrees left out):
// tolerance {EUROPE_TOLERANCE} degrees, {europe_count} rings, {europe_total} points.

extension WorldOutline {{
    /// One "> CODE" line per ring (ISO 3166-1 alpha-3 code of the country), then its
    /// points as "longitude,latitude" in degrees.
    static let encoded = \"\"\"
{body}
        \"\"\"

    /// The rings that reach into Europe, in more detail, for the world map's enlargement.
    static let europeEncoded = \"\"\"
{europe_body}
        \"\"\"
}}
"""
    with open(OUT, "w") as f:
        f.write(source)
    print(f"{OUT}: {total} points in {count} rings, tolerance {tolerance:.3f} degrees; "
          f"Europe {europe_total} points in {europe_count} rings")


if __name__ == "__main__":
    main()

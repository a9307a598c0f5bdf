#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every screenshot the AppStream data names is in data/screenshots/, is a
PNG the size of a phone-to-laptop window, and has a caption; and every PNG
there is named by the metainfo.

    check-screenshots.py METAINFO SCREENSHOT_DIR
"""

import os
import struct
import sys
import xml.etree.ElementTree as ElementTree

PREFIX = "https://raw.githubusercontent.com/meetdial/meetdial/main/data/screenshots/"


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def main():
    metainfo, directory = sys.argv[1:3]
    failures = []
    named = set()
    for shot in ElementTree.parse(metainfo).getroot().iter("screenshot"):
        image = shot.findtext("image", "").strip()
        if not image.startswith(PREFIX):
            failures.append(f"{image!r} is not a file of data/screenshots/ ({PREFIX}…)")
            continue
        name = image[len(PREFIX):]
        named.add(name)
        path = os.path.join(directory, name)
        size = png_size(path) if os.path.exists(path) else None
        if size is None:
            failures.append(f"{name}: no PNG of that name in data/screenshots/")
        elif not (360 <= size[0] <= 1600 and 500 <= size[1] <= 1200):
            failures.append(f"{name}: {size[0]}×{size[1]} is not a window's size")
        if not shot.findtext("caption", "").strip():
            failures.append(f"{name}: no caption")
    unused = sorted(set(os.listdir(directory)) - named)
    failures += [f"{name}: in data/screenshots/ but not in the metainfo" for name in unused]
    for failure in failures:
        print("FAIL:", failure)
    if not failures:
        print(f"ok: {len(named)} screenshots, each in data/screenshots/ with a caption")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every button in the GtkBuilder files that shows only an icon has words
for people who cannot see it: a tooltip or an accessible label.

    check-ui-labels.py DIRECTORY   (every *.ui file in it)
"""

import glob
import os
import sys
import xml.etree.ElementTree as ElementTree

BUTTONS = {"GtkButton", "GtkToggleButton", "GtkMenuButton"}


def unlabelled(path):
    for obj in ElementTree.parse(path).getroot().iter("object"):
        if obj.get("class") not in BUTTONS:
            continue
        props = {p.get("name"): p.text for p in obj.findall("property")}
        if "icon-name" not in props or props.get("label") or obj.find("child") is not None:
            continue
        accessibility = obj.find("accessibility")
        named = accessibility is not None and accessibility.find("property[@name='label']") is not None
        if not named and not props.get("tooltip-text"):
            yield f"{path}: button {obj.get('id') or '(no id)'} ({props['icon-name']}) has no words"


def main():
    paths = sorted(glob.glob(os.path.join(sys.argv[1], "*.ui")))
    failures = [line for path in paths for line in unlabelled(path)]
    if not paths:
        failures.append(f"no .ui file in {sys.argv[1]}")
    for failure in failures:
        print("FAIL:", failure)
    if not failures:
        print(f"ok: every icon-only button in {len(paths)} UI files has a tooltip or label")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

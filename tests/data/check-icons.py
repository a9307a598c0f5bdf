#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the app icons are plain, self-contained SVG of the right size.

    check-icons.py [--symbolic] SIZE FILE

Both kinds: well-formed XML with an <svg> root whose viewBox is
"0 0 SIZE SIZE", no bitmaps (<image>, data: URIs), nothing external or
active (<script>, <foreignObject>, links to other files).
--symbolic: a single colour, and no gradients, masks, clips or filters, since
the theme recolours symbolic icons by replacing their fill.
"""

import argparse
import re
import sys
import xml.etree.ElementTree as ET

SVG_NS = '{http://www.w3.org/2000/svg}'
XLINK_HREF = '{http://www.w3.org/1999/xlink}href'
FORBIDDEN = {'image', 'script', 'foreignObject'}
NOT_RECOLOURABLE = {'linearGradient', 'radialGradient', 'mask', 'clipPath',
                    'filter', 'pattern'}
COLOUR_PROPERTIES = ('fill', 'stroke', 'stop-color', 'color')


def local_name(tag):
    return tag[len(SVG_NS):] if tag.startswith(SVG_NS) else tag


def colours_of(element):
    """The colours an element sets, from attributes and its style attribute."""
    found = []
    for prop in COLOUR_PROPERTIES:
        if prop in element.attrib:
            found.append(element.attrib[prop])
    for decl in element.attrib.get('style', '').split(';'):
        name, _, value = decl.partition(':')
        if name.strip() in COLOUR_PROPERTIES:
            found.append(value.strip())
    return [c.lower() for c in found if c.lower() not in ('none', 'inherit')]


def check(path, size, symbolic):
    errors = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return [f'not well-formed XML: {e}']
    if root.tag != SVG_NS + 'svg':
        errors.append(f'root element is {root.tag}, expected <svg> in the SVG namespace')
    view_box = re.split(r'[\s,]+', root.attrib.get('viewBox', '').strip())
    if view_box != ['0', '0', str(size), str(size)]:
        errors.append(f'viewBox is {root.attrib.get("viewBox")!r}, expected "0 0 {size} {size}"')
    for attr in ('width', 'height'):
        if attr in root.attrib and root.attrib[attr] not in (str(size), f'{size}px'):
            errors.append(f'{attr} is {root.attrib[attr]!r}, expected {size}')

    colours = set()
    for element in root.iter():
        name = local_name(element.tag)
        if name in FORBIDDEN:
            errors.append(f'<{name}> is not allowed in an icon')
        if symbolic and name in NOT_RECOLOURABLE:
            errors.append(f'<{name}> cannot be recoloured in a symbolic icon')
        for attr, value in element.attrib.items():
            if 'data:' in value:
                errors.append(f'<{name} {attr}> embeds data: {value[:40]}…')
            if (attr in ('href', XLINK_HREF)) and not value.startswith('#'):
                errors.append(f'<{name}> links to {value!r}; icons must be self-contained')
        colours.update(colours_of(element))

    if symbolic and len(colours) != 1:
        errors.append(f'a symbolic icon uses one colour, found {sorted(colours) or "none"}')
    return errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--symbolic', action='store_true')
    parser.add_argument('size', type=int)
    parser.add_argument('file')
    args = parser.parse_args()
    errors = check(args.file, args.size, args.symbolic)
    for error in errors:
        print(f'FAIL: {args.file}: {error}')
    if not errors:
        print(f'ok: {args.file}')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check what Meetdial needs from its built desktop entry and D-Bus service file.

    check-desktop-entry.py APP_ID DESKTOP_FILE SERVICE_FILE

desktop-file-validate checks the format; this checks the promises: the
schemes Meetdial answers, D-Bus activation (which only works when the desktop
file, the bus name and the service file agree) and the command lines.
"""

import configparser
import os
import sys

SCHEMES = {'tel', 'sip', 'sips', 'callto'}


def read_ini(path):
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    with open(path, encoding='utf-8') as f:
        parser.read_file(f)
    return parser


def split_list(value):
    return [item for item in value.split(';') if item]


def check_desktop(app_id, path, errors):
    if os.path.basename(path) != app_id + '.desktop':
        errors.append(f'{path}: a D-Bus activatable entry must be named {app_id}.desktop')
    entry = read_ini(path)['Desktop Entry']
    expected = {
        'Exec': 'meetdial %U',
        'Icon': app_id,
        'Type': 'Application',
        'Terminal': 'false',
        'DBusActivatable': 'true',
        'StartupNotify': 'true',
    }
    for key, value in expected.items():
        if entry.get(key) != value:
            errors.append(f'{path}: {key}={entry.get(key)!r}, expected {value!r}')
    mime = split_list(entry.get('MimeType', ''))
    handled = {m.removeprefix('x-scheme-handler/') for m in mime}
    if handled != SCHEMES or len(mime) != len(SCHEMES):
        errors.append(f'{path}: MimeType handles {sorted(handled)}, expected '
                      f'x-scheme-handler/ for {sorted(SCHEMES)}')
    for key in ('Name', 'Comment', 'Keywords', 'Categories'):
        if not entry.get(key):
            errors.append(f'{path}: {key} is missing or empty')
    if 'Telephony' not in split_list(entry.get('Categories', '')):
        errors.append(f'{path}: Categories lacks Telephony')


def check_service(app_id, path, errors):
    service = read_ini(path)['D-BUS Service']
    if service.get('Name') != app_id:
        errors.append(f'{path}: Name={service.get("Name")!r}, expected {app_id!r}')
    argv = service.get('Exec', '').split()
    if len(argv) != 2 or argv[1] != '--gapplication-service':
        errors.append(f'{path}: Exec must be "<bindir>/meetdial --gapplication-service", '
                      f'got {service.get("Exec")!r}')
    elif not os.path.isabs(argv[0]) or os.path.basename(argv[0]) != 'meetdial':
        errors.append(f'{path}: Exec must start with the absolute path of meetdial, '
                      f'got {argv[0]!r}')


def main():
    if len(sys.argv) != 4:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    app_id, desktop_path, service_path = sys.argv[1:]
    errors = []
    check_desktop(app_id, desktop_path, errors)
    check_service(app_id, service_path, errors)
    for error in errors:
        print('FAIL:', error)
    if not errors:
        print(f'ok: {desktop_path} and {service_path}')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest.

    check-manifest.py APP_ID MANIFEST
    check-manifest.py --flatpak-builder FLATPAK_BUILDER MANIFEST

The first form checks what the manifest promises: the app ID and command,
a stable GNOME runtime, the sandbox permissions Meetdial needs (and none of
the broad ones), every git source pinned by tag and full commit, the libre and
librem versions the SIP code is written against, and the app built from this
tree with meson.

The second form asks flatpak-builder to load the manifest: it must exit 0,
print no warning (it only warns about unknown properties and source types)
and read back exactly what the file says.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

REQUIRED_FINISH_ARGS = [
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
    '--socket=pulseaudio',
    '--share=network',
    '--talk-name=org.freedesktop.Notifications',
    '--talk-name=org.freedesktop.secrets',
]
# Broad permissions a softphone has no use for.
FORBIDDEN_FINISH_ARGS = re.compile(
    r'^--(filesystem=(host|home)|socket=(x11|session-bus|system-bus)|device=all'
    r'|talk-name=org\.freedesktop\.Flatpak)(:.*)?$')
# The SIP layer is written against Debian 12's libre 1.1.0 and librem 0.6.0.
PINNED_TAGS = {'libre': 'v1.1.0', 'librem': 'v0.6.0'}
REQUIRED_MODULES = ['libre', 'librem', 'libphonenumber']
COMMIT = re.compile(r'^[0-9a-f]{40}$')


def all_modules(modules):
    for module in modules:
        if isinstance(module, dict):
            yield module
            yield from all_modules(module.get('modules', []))


def check_structure(app_id, path):
    errors = []
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)

    expect = {'id': app_id, 'command': 'meetdial',
              'runtime': 'org.gnome.Platform', 'sdk': 'org.gnome.Sdk'}
    for key, value in expect.items():
        if manifest.get(key) != value:
            errors.append(f'{key} is {manifest.get(key)!r}, expected {value!r}')
    if not re.fullmatch(r'[0-9]+', str(manifest.get('runtime-version', ''))):
        errors.append(f'runtime-version {manifest.get("runtime-version")!r} is not a '
                      'stable GNOME branch number')

    finish_args = manifest.get('finish-args', [])
    for arg in REQUIRED_FINISH_ARGS:
        if arg not in finish_args:
            errors.append(f'finish-args lacks {arg}')
    for arg in finish_args:
        if FORBIDDEN_FINISH_ARGS.match(arg):
            errors.append(f'finish-args has the broad permission {arg}')

    modules = list(all_modules(manifest.get('modules', [])))
    names = [m.get('name') for m in modules]
    for name in REQUIRED_MODULES:
        if name not in names:
            errors.append(f'no module {name}')
    for module in modules:
        name = module.get('name')
        sources = module.get('sources', [])
        git_sources = [s for s in sources if isinstance(s, dict) and s.get('type') == 'git']
        for source in git_sources:
            where = f'module {name}: git source {source.get("url")}'
            if not source.get('tag'):
                errors.append(f'{where} has no tag')
            if not COMMIT.match(str(source.get('commit', ''))):
                errors.append(f'{where} has no 40-hex commit')
            if 'branch' in source:
                errors.append(f'{where} follows a branch')
        for source in sources:
            if isinstance(source, dict) and source.get('type') in ('archive', 'file') \
                    and 'url' in source and not source.get('sha256'):
                errors.append(f'module {name}: {source.get("url")} has no sha256')
        if name in PINNED_TAGS:
            tags = [s.get('tag') for s in git_sources]
            if tags != [PINNED_TAGS[name]]:
                errors.append(f'module {name} is pinned to {tags}, expected '
                              f'[{PINNED_TAGS[name]!r}]')

    app = modules[-1] if modules else {}
    if app.get('name') != 'meetdial' or app.get('buildsystem') != 'meson':
        errors.append('the last module must be meetdial, built with meson')
    dirs = [s for s in app.get('sources', []) if s.get('type') == 'dir']
    if len(dirs) != 1:
        errors.append('the meetdial module must build from one local "dir" source')
    else:
        tree = os.path.normpath(os.path.join(os.path.dirname(path), dirs[0].get('path', '')))
        top = os.path.join(tree, 'meson.build')
        if not os.path.isfile(top) or "project('meetdial'" not in open(top, encoding='utf-8').read():
            errors.append(f'the meetdial source dir {tree} is not the top of this tree')
    return errors


def check_with_flatpak_builder(flatpak_builder, path):
    # It creates a .flatpak-builder state directory in its working directory.
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run([flatpak_builder, '--show-manifest', os.path.abspath(path)],
                                cwd=scratch, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
    errors = []
    if result.returncode != 0:
        errors.append(f'flatpak-builder --show-manifest exited with {result.returncode}')
    if result.stderr.strip():
        errors.append('flatpak-builder warned:\n' + result.stderr.strip())
    try:
        loaded = json.loads(result.stdout)
    except json.JSONDecodeError as e:
        return errors + [f'flatpak-builder printed no manifest: {e}']
    with open(path, encoding='utf-8') as f:
        if loaded != json.load(f):
            errors.append('flatpak-builder reads the manifest differently from what it says '
                          '(a property it does not know, or of the wrong type)')
    return errors


def main():
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == '--flatpak-builder':
        errors = check_with_flatpak_builder(args[1], args[2])
    elif len(args) == 2:
        errors = check_structure(args[0], args[1])
    else:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    for error in errors:
        print('FAIL:', error)
    if not errors:
        print(f'ok: {args[-1]}')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())

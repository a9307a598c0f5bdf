#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests for check-potfiles.py on small trees built in a temporary directory.

    test-check-potfiles.py CHECK_POTFILES_SCRIPT
"""

import os
import subprocess
import sys
import tempfile
import unittest

SCRIPT = None

LISTED_DATA = 'data/app.desktop.in'


class CheckPotfilesTest(unittest.TestCase):
    def make_tree(self, files, potfiles):
        root = tempfile.mkdtemp(prefix='potfiles-')
        self.addCleanup(subprocess.run, ['rm', '-rf', root])
        for path, text in files.items():
            full = os.path.join(root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, 'w', encoding='utf-8') as f:
                f.write(text)
        os.makedirs(os.path.join(root, 'po'), exist_ok=True)
        with open(os.path.join(root, 'po', 'POTFILES.in'), 'w', encoding='utf-8') as f:
            f.write('# comment\n\n' + ''.join(p + '\n' for p in potfiles))
        return root

    def run_check(self, root):
        result = subprocess.run([sys.executable, SCRIPT, root], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        return result.returncode, result.stdout

    def assert_unlisted(self, files, expected):
        root = self.make_tree({LISTED_DATA: 'x', **files}, [LISTED_DATA])
        status, output = self.run_check(root)
        self.assertEqual(status, 1, output)
        self.assertIn('add these lines to po/POTFILES.in', output)
        for path in expected:
            self.assertIn(f'  {path}\n', output)

    def test_complete_list_passes(self):
        root = self.make_tree({
            LISTED_DATA: 'x',
            'src/gui/md-window.c': 'label = _("Dial");\n',
            'src/gui/md-window.ui': '<property name="label" translatable="yes">Dial</property>',
            'src/dial/md-dial-plan.c': 'static int n = md_count (x);\n',
        }, [LISTED_DATA, 'src/gui/md-window.c', 'src/gui/md-window.ui'])
        status, output = self.run_check(root)
        self.assertEqual(status, 0, output)

    def test_every_c_marker_is_found(self):
        markers = {
            'src/a/gettext.c': 'puts (_("Hello"));\n',
            'src/a/noop.c': 'static const char *s[] = { N_("Busy") };\n',
            'src/a/context.c': 'C_("call state", "Held");\n',
            'src/a/noop-context.h': 'NC_("route", "Phone");\n',
            'src/a/plural.c': 'g_dngettext (NULL, "%d call", "%d calls", n);\n',
            'src/a/plural2.cc': 'ngettext ("%d number", "%d numbers", n);\n',
        }
        self.assert_unlisted(markers, sorted(markers))

    def test_ui_file_is_found(self):
        self.assert_unlisted(
            {'src/gui/md-dial-page.ui': '<property name="title" translatable="yes">Dial</property>'},
            ['src/gui/md-dial-page.ui'])

    def test_files_without_strings_are_not_required(self):
        root = self.make_tree({
            LISTED_DATA: 'x',
            # look-alikes that are not gettext calls
            'src/a/names.c': 'md_dial_ (x); obj->_ (y); foo.N_ (z); ngettext_count = 1;\n',
            # markers only inside comments and string literals
            'src/a/comments.c': '/* _("not code") */\n// N_("nor this")\nputs ("_(\\"x\\")");\n',
            # the macro definitions themselves
            'src/a/i18n.h': '#define _(s) gettext (s)\n#define N_(s) (s)\n',
            'src/gui/plain.ui': '<property name="icon-name">call-start-symbolic</property>',
        }, [LISTED_DATA])
        status, output = self.run_check(root)
        self.assertEqual(status, 0, output)

    def test_listed_file_that_does_not_exist_fails(self):
        root = self.make_tree({LISTED_DATA: 'x'}, [LISTED_DATA, 'src/gone.c'])
        status, output = self.run_check(root)
        self.assertEqual(status, 1, output)
        self.assertIn('do not exist', output)
        self.assertIn('  src/gone.c\n', output)

    def test_duplicate_entry_fails(self):
        root = self.make_tree({LISTED_DATA: 'x'}, [LISTED_DATA, LISTED_DATA])
        status, output = self.run_check(root)
        self.assertEqual(status, 1, output)
        self.assertIn('more than once', output)


if __name__ == '__main__':
    SCRIPT = sys.argv.pop(1)
    unittest.main(verbosity=2)

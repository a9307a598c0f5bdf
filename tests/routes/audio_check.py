# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads the WAV files the peers record and measures what the route tests
assert: which tone is where, and how long the audio stopped at a seam.
Python's standard library only (wave, array, math)."""

import array
import math
import wave


class Recording:
    def __init__(self, path):
        with wave.open(path, "rb") as w:
            if w.getsampwidth() != 2:
                raise AssertionError(f"{path}: not 16-bit PCM")
            self.rate = w.getframerate()
            channels = w.getnchannels()
            data = array.array("h", w.readframes(w.getnframes()))
        # One channel is enough: the peers record the same signal on each.
        self.samples = data[::channels] if channels > 1 else data
        self.path = path

    @classmethod
    def raw(cls, path, rate):
        """Headerless 16-bit mono samples, as far as they are written."""
        rec = cls.__new__(cls)
        with open(path, "rb") as f:
            data = f.read()
        rec.samples = array.array("h", data[:len(data) // 2 * 2])
        rec.rate = rate
        rec.path = path
        return rec

    def seconds(self):
        return len(self.samples) / self.rate

    def window(self, start_s, length_s):
        a = max(0, int(start_s * self.rate))
        return self.samples[a:a + int(length_s * self.rate)]

    def level(self, freq, start_s, length_s):
        """Amplitude (0‥1 of full scale) of @freq in a window (Goertzel)."""
        block = self.window(start_s, length_s)
        if not block:
            return 0.0
        coeff = 2 * math.cos(2 * math.pi * freq / self.rate)
        s1 = s2 = 0.0
        for x in block:
            s1, s2 = x + coeff * s1 - s2, s1
        power = s1 * s1 + s2 * s2 - coeff * s1 * s2
        return 2 * math.sqrt(max(power, 0.0)) / len(block) / 32768

    def rms(self, start_s, length_s):
        block = self.window(start_s, length_s)
        if not block:
            return 0.0
        return math.sqrt(sum(x * x for x in block) / len(block)) / 32768

    def tone_runs(self, freqs, step_s=0.1, min_level=0.05, min_windows=3):
        """The sequence of dominant tones among @freqs, window by window,
        as [(freq, start_s, end_s)], runs shorter than @min_windows left out."""
        runs = []
        t = 0.0
        while t + step_s <= self.seconds():
            levels = {f: self.level(f, t, step_s) for f in freqs}
            best = max(levels, key=levels.get)
            label = best if levels[best] >= min_level else None
            if runs and runs[-1][0] == label:
                runs[-1][2] = t + step_s
                runs[-1][3] += 1
            else:
                runs.append([label, t, t + step_s, 1])
            t += step_s
        merged = []
        for label, start, end, n in runs:
            if label is None or n < min_windows:
                continue
            if merged and merged[-1][0] == label:
                merged[-1][2] = end
            else:
                merged.append([label, start, end])
        return [tuple(r) for r in merged]

    def longest_quiet_ms(self, start_s, end_s, threshold=0.02):
        """The longest run of samples below @threshold of full scale between
        two times, in ms: a tone crosses zero for a sample or two, a gap in
        the audio lasts as long as it lasts."""
        limit = threshold * 32768
        a = max(0, int(start_s * self.rate))
        b = min(len(self.samples), int(end_s * self.rate))
        longest = run = 0
        for i in range(a, b):
            if abs(self.samples[i]) < limit:
                run += 1
                longest = max(longest, run)
            else:
                run = 0
        return longest * 1000 / self.rate

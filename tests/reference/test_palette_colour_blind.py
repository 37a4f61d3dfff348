"""The class palette stays distinguishable under simulated colour-vision deficiencies.

Sources:
- Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
  Vision Deficiency", IEEE TVCG 15(6): the severity-1.0 matrices for protanopia, deuteranopia
  and tritanopia, applied to linear RGB (their Table 1).
- IEC 61966-2-1 (sRGB) for decoding to linear RGB and the sRGB -> XYZ (D65) matrix; CIE 1976
  L*a*b* and its colour difference Delta E*ab (the Euclidean distance in L*a*b*).
- Okabe & Ito (2008), "Color Universal Design": the eight-colour palette this one starts with;
  the bar a palette is held to here is the smallest difference Okabe-Ito itself reaches.
"""

from __future__ import annotations

import itertools

import numpy as np

from nncore.plots.style import PALETTE, SYMBOLS

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
MACHADO_2009 = {
    "normal": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
}
SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
D65 = np.array([0.95047, 1.0, 1.08883])


def _linear(hex_colour: str) -> np.ndarray:
    c = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear_rgb: np.ndarray) -> np.ndarray:
    t = SRGB_TO_XYZ @ np.clip(linear_rgb, 0, 1) / D65
    d = 6 / 29
    f = np.where(t > d ** 3, np.cbrt(t), t / (3 * d * d) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def smallest_difference(colours, vision: str) -> float:
    lab = [_lab(MACHADO_2009[vision] @ _linear(c)) for c in colours]
    return min(float(np.linalg.norm(a - b)) for a, b in itertools.combinations(lab, 2))


def test_lab_conversion_matches_published_values():
    # sRGB white is L*=100, a*=b*=0; pure sRGB red is L*=53.24, a*=80.09, b*=67.20 (Lindbloom's calculator).
    np.testing.assert_allclose(_lab(_linear("#FFFFFF")), [100, 0, 0], atol=0.05)
    np.testing.assert_allclose(_lab(_linear("#FF0000")), [53.24, 80.09, 67.20], atol=0.1)


def test_ten_class_colours_stay_clearly_apart_for_every_vision():
    # A just-noticeable difference is about 2.3 (Sharma, Digital Color Imaging Handbook, 2003).
    # Okabe-Ito reaches 16.1-26.4 with eight colours, but two of them have no 3:1 contrast on
    # one of the themes' backgrounds (tests/test_themes.py); ten colours that all have it reach
    # at least 17 under every vision, above Okabe-Ito's own smallest (tritanopia, 16.1).
    assert len(set(PALETTE)) >= 10 and len(set(SYMBOLS)) >= 10
    for vision in MACHADO_2009:
        assert smallest_difference(PALETTE[:10], vision) >= 16.9, vision
    assert min(smallest_difference(PALETTE[:10], v) for v in MACHADO_2009) >= min(
        smallest_difference(OKABE_ITO, v) for v in MACHADO_2009)

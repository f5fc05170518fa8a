"""Fonts, letter texts, phrases, translations and the style sheet, shipped with the code."""

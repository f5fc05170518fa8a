"""Build assets/fonts/NotoSansCJK-Bold-subset.ttf: a real bold Chinese face for the PDFs.

Noto Sans CJK Bold (SIL Open Font License 1.1; Debian package fonts-noto-cjk) ships as
PostScript-outline OpenType, which ReportLab cannot embed. This script keeps the Traditional
Chinese face's glyphs for the common characters of Big5 level 1 (5,401) and GB 2312 level 1
(3,755), every Han character of the shipped letter, report and interface texts, and CJK
punctuation, and converts the outlines to TrueType (quadratic) so ReportLab can embed a
subset of it. A character outside it prints in the regular CJK face.

    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb x
    pip install fonttools
    python scripts/build_cjk_bold.py x/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "fonts" / "NotoSansCJK-Bold-subset.ttf"
FAMILY = "Noto Sans CJK TC"


def _level1(codec: str, leads: range, trails: range) -> set[int]:
    chars: set[int] = set()
    for lead in leads:
        for trail in trails:
            try:
                text = bytes([lead, trail]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) == 1 and "\u3400" <= text <= "\u9fff":
                chars.add(ord(text))
    return chars


def wanted() -> set[int]:
    big5 = _level1("big5", range(0xA4, 0xC7), range(0x40, 0xFF))  # A440..C67E
    gb = _level1("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))  # B0A1..D7F9
    shipped: set[int] = set()
    for folder in ("letters", "report", "phrases", "i18n"):
        for path in (ROOT / "assets" / folder).rglob("*"):
            if path.suffix in (".json", ".po", ".ts") and path.is_file():
                text = path.read_text(encoding="utf-8", errors="ignore")
                shipped |= {ord(c) for c in re.findall(r"[\u3400-\u9fff\uf900-\ufaff]", text)}
    punctuation = set(range(0x3000, 0x3040)) | set(range(0xFF01, 0xFF5F)) | {0x2014, 0x2026,
                                                                             0x00B7, 0x2027}
    # ReportLab draws the space between words (also an ideographic one it split at) as
    # U+0020 in the run's font: the face needs it.
    spaces = {0x20, 0xA0}
    return big5 | gb | shipped | punctuation | spaces


def to_truetype(font: TTFont) -> None:
    """Replace the CFF outlines by TrueType quadratic ones (fontTools' otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones",):
        setattr(maxp, attr, 1)
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    font["maxp"] = maxp
    maxp.compile(font)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and ReportLab does not need them
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def main(source: str) -> None:
    collection = TTCollection(source)
    font = next(f for f in collection.fonts if FAMILY in str(f["name"].getDebugName(1)))
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG", "DSIG"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(wanted()))
    sub.subset(font)
    to_truetype(font)
    font.save(str(OUT))
    print(f"{OUT}: {OUT.stat().st_size:,} bytes, {len(font.getGlyphOrder()):,} glyphs")


if __name__ == "__main__":
    main(sys.argv[1])

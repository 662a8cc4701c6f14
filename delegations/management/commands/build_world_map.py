"""Rebuild delegations/data/world-map.json from the npm package world-atlas.

    npm install --prefix /tmp/atlas world-atlas@2
    python manage.py build_world_map /tmp/atlas/node_modules/world-atlas

The package is not committed; its data file and licence are.
"""

import json
import shutil
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from delegations.map_build import build
from delegations.world_map import DATA_DIR, DATA_FILE, LICENCE_FILE

SOURCE = "countries-50m.json"


class Command(BaseCommand):
    help = "Simplify and project world-atlas TopoJSON into the map's data file."

    def add_arguments(self, parser):
        parser.add_argument("package", help="the world-atlas package folder")

    def handle(self, *args, package, **options):
        folder = Path(package)
        source = folder / SOURCE
        if not source.is_file():
            raise CommandError(f"{source} not found: install world-atlas first.")
        data = build(json.loads(source.read_text(encoding="utf-8")))
        version = json.loads((folder / "package.json").read_text())["version"]
        data["source"] = f"world-atlas {version} {SOURCE} (Natural Earth 1:50m)"
        DATA_DIR.mkdir(exist_ok=True)
        DATA_FILE.write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            + "\n",
            encoding="utf-8",
        )
        shutil.copyfile(folder / "LICENSE", LICENCE_FILE)
        self.stdout.write(
            f"{DATA_FILE}: {len(data['countries'])} countries, "
            f"{DATA_FILE.stat().st_size // 1024} KiB"
        )

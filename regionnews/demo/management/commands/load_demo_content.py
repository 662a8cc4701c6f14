"""Load the demo content (regionnews/demo/directory.toml and stories/*.toml).

Demo content is created when it is missing and otherwise left alone, so that
`make run` never undoes an editor's change; `--reset` (`make demo-reset`)
writes the demo back over it. See regionnews/demo/loader.py.
"""

from django.core.management.base import BaseCommand, CommandError

from regionnews.demo import data
from regionnews.demo.loader import CREATED, KEPT, UPDATED, load_demo


class Command(BaseCommand):
    help = (
        "Create the demo articles, visits, people and organisations that are "
        "missing; with --reset, also restore the ones that were changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Write the demo content back over any changes made to it.",
        )

    def handle(self, *args, reset: bool, **options):
        try:
            counts = load_demo(reset=reset)
            directory = data.read_directory()
            stories = [data.read_story(path) for path in data.story_files()]
        except data.DemoDataError as error:
            raise CommandError(str(error)) from error
        articles = sum("article" in story for story in stories)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {articles} articles, {len(stories)} visits, "
                f"{len(directory['people'])} people, "
                f"{len(directory['organisations'])} organisations, "
                f"{len(directory['topics'])} topics "
                f"({counts[CREATED]} created, {counts[KEPT]} {KEPT}, "
                f"{counts[UPDATED]} {UPDATED})."
            )
        )

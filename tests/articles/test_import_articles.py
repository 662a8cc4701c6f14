"""The archive import: parsing, encodings, idempotence, pairing, the command."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

from articles.importing.importer import import_files
from articles.importing.parse import ExportError, parse_export
from articles.models import Article, VisitProposal

SEED_TEXT = (
    Path(__file__).resolve().parents[2]
    / "articles/extraction/corpus/01-en-kazakhstan-ambassador.txt"
).read_text(encoding="utf-8")
CS = (
    "Velvyslanec Kazachstánu navštívil kraj\n\n"
    "09. května 2024 14:51, Ing. Milan Kozel\n\n"
    "Ve čtvrtek 4. dubna přijal hejtman Rudolf Špoták velvyslance.\n\n"
    "Odpoledne navštívil Západočeskou univerzitu.\n"
)
DE = (
    "Botschafter Kasachstans besuchte die Region\n\n"
    "09. Mai 2024 14:51, Ing. Milan Kozel\n\n"
    "Am Donnerstag, dem 4. April, empfing der Hauptmann den Botschafter.\n\n"
    "Am Nachmittag besuchte er die Universität.\n"
)


@pytest.fixture(autouse=True)
def _english():
    """The messages asserted below are the English ones."""
    with translation.override("en"):
        yield


def run(*files, **kwargs):
    return import_files([(name, data) for name, data in files], **kwargs)


@pytest.mark.django_db
class TestImport:
    def test_seed_article_imported_with_original_time_and_byline(self):
        report = run(("seed.txt", SEED_TEXT.encode()), status="published")
        assert (report.imported, report.failed) == (1, [])
        article = Article.objects.get()
        assert article.title_en.startswith("Ambassador of Kazakhstan")
        assert article.byline == "Ing. Milan Kozel"
        assert article.status == Article.Status.PUBLISHED
        assert article.published_at.isoformat() == "2024-05-09T12:51:00+00:00"
        assert article.lead_en.startswith("On Thursday, 4 April")
        assert "<p>Bakyt Dyussenbayev emphasized" in article.body_en
        assert article.title_cs == ""

    def test_same_file_twice_gives_one_article_unchanged(self):
        run(("seed.txt", SEED_TEXT.encode()))
        version = Article.objects.get().version
        report = run(("seed.txt", SEED_TEXT.encode()))
        assert (report.imported, report.updated, report.unchanged) == (0, 0, 1)
        assert Article.objects.get().version == version

    def test_changed_text_updates_the_article(self):
        run(("seed.txt", SEED_TEXT.encode()))
        changed = SEED_TEXT.replace("great honour", "very great honour")
        report = run(("seed.txt", changed.encode()))
        assert (report.imported, report.updated) == (0, 1)
        assert Article.objects.count() == 1
        assert "very great honour" in Article.objects.get().body_en

    def test_language_versions_become_one_article(self):
        report = run(
            ("en.txt", SEED_TEXT.encode()),
            ("cs.txt", CS.encode()),
            ("de.txt", DE.encode()),
        )
        assert report.imported == 1
        article = Article.objects.get()
        assert article.title_cs.startswith("Velvyslanec")
        assert article.title_de.startswith("Botschafter")
        assert article.title_en.startswith("Ambassador")

    def test_version_imported_later_joins_the_story(self):
        run(("en.txt", SEED_TEXT.encode()))
        report = run(("cs.txt", CS.encode()))
        assert (report.imported, report.updated) == (0, 1)
        article = Article.objects.get()
        assert article.title_cs and article.title_en

    def test_two_versions_in_one_language_are_ambiguous_and_reported(self):
        other = SEED_TEXT.replace("Ambassador of Kazakhstan visited", "Another story")
        report = run(("a.txt", SEED_TEXT.encode()), ("b.txt", other.encode()))
        assert report.imported == 0
        assert {f.source for f in report.failed} == {"a.txt", "b.txt"}
        assert "Ambiguous pairing" in report.failed[0].reason
        assert not Article.objects.exists()

    def test_mapping_file_pairs_versions_published_at_other_minutes(self):
        later = CS.replace("14:51", "16:02")
        report = run(
            ("en.txt", SEED_TEXT.encode()),
            ("cs.txt", later.encode()),
            mapping="en.txt,cs.txt\n",
        )
        assert report.imported == 1
        assert Article.objects.get().title_cs

    def test_without_mapping_other_minutes_are_two_stories(self):
        later = CS.replace("14:51", "16:02")
        report = run(("en.txt", SEED_TEXT.encode()), ("cs.txt", later.encode()))
        assert report.imported == 2

    def test_malformed_file_reported_with_line_and_nothing_imported(self):
        broken = SEED_TEXT.replace("09. May 2024 14:51", "sometime in May")
        report = run(("bad.txt", broken.encode()), ("cs.txt", CS.encode()))
        assert report.imported == 1
        [failure] = report.failed
        assert (failure.source, failure.line) == ("bad.txt", 3)
        assert "publication line" in failure.reason
        assert Article.objects.get().title_cs

    def test_invalid_story_rolls_back_whole(self, monkeypatch):
        too_long_byline = SEED_TEXT.replace("Ing. Milan Kozel", "X" * 300)
        report = run(("long.txt", too_long_byline.encode()))
        assert len(report.failed) == 1
        assert not Article.objects.exists()

    def test_cp1250_file_is_detected(self):
        report = run(("cs.txt", CS.encode("cp1250")))
        assert report.imported == 1
        assert report.encodings == {"cp1250": 1}
        assert "1 × cp1250" in report.summary()
        assert (
            Article.objects.get().title_cs == "Velvyslanec Kazachstánu navštívil kraj"
        )

    def test_iso_8859_2_is_told_apart_from_cp1250(self):
        text = CS.replace("Velvyslanec Kazachstánu", "Šťastný žák Kazachstánu")
        report = run(("cs.txt", text.encode("iso8859_2")))
        assert report.encodings == {"iso8859_2": 1}
        assert Article.objects.get().title_cs.startswith("Šťastný žák")

    def test_utf16_and_bom_files_are_read(self):
        report = run(
            ("cs.txt", CS.encode("utf-16")), ("de.txt", b"\xef\xbb\xbf" + DE.encode())
        )
        assert report.imported == 1
        assert Article.objects.get().title_de.startswith("Botschafter")

    def test_zip_archive_is_read(self, tmp_path):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("2024/en.txt", SEED_TEXT)
            archive.writestr("2024/cs.txt", CS)
        path = tmp_path / "export.zip"
        path.write_bytes(buffer.getvalue())
        out = io.StringIO()
        call_command("import_articles", str(path), stdout=out)
        assert "1 imported" in out.getvalue()
        assert Article.objects.get().title_cs

    def test_command_can_fill_the_review_queue(self, tmp_path):
        (tmp_path / "seed.txt").write_text(SEED_TEXT, encoding="utf-8")
        out = io.StringIO()
        call_command("import_articles", str(tmp_path), "--propose-visits", stdout=out)
        assert "1 visits proposed for review." in out.getvalue()
        assert VisitProposal.objects.get().country_code == "KZ"

    def test_command_exits_1_and_lists_failures(self, tmp_path):
        (tmp_path / "empty.txt").write_text("")
        err = io.StringIO()
        with pytest.raises(SystemExit) as exit_info:
            call_command(
                "import_articles", str(tmp_path), stderr=err, stdout=io.StringIO()
            )
        assert exit_info.value.code == 1
        assert "empty.txt:1: The file is empty." in err.getvalue()


class TestParse:
    def test_language_from_month_name(self):
        assert parse_export(CS.encode(), "cs.txt").language == "cs"
        assert parse_export(DE.encode(), "de.txt").language == "de"

    def test_april_is_english_or_german_by_the_text(self):
        en = SEED_TEXT.replace("09. May 2024", "09. April 2024")
        de = DE.replace("09. Mai 2024", "09. April 2024")
        assert parse_export(en.encode(), "en.txt").language == "en"
        assert parse_export(de.encode(), "de.txt").language == "de"

    def test_unknown_encoding_is_reported(self):
        with pytest.raises(ExportError) as error:
            parse_export(b"\x81\x8d\x8f\x90\x98" * 20, "weird.txt")
        assert "encoding" in error.value.reason

    @pytest.mark.parametrize(
        ("text", "line"),
        [
            ("", 1),
            ("Title\nno blank\n09. May 2024 14:51, X\n\nText", 2),
            ("Title\n\n31. February 2024 14:51, X\n\nText", 3),
            ("Title\n\n09. May 2024 14:51, X\nText", 4),
            ("Title\n\n09. May 2024 14:51, X\n\n", 5),
        ],
    )
    def test_malformed_files_name_the_line(self, text, line):
        with pytest.raises(ExportError) as error:
            parse_export(text.encode(), "f.txt")
        assert error.value.line == line

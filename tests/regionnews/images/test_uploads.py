"""Photo uploads through the admin, as an editor's browser sends them.

The form data is read from the rendered change form (every input, hidden
field and inline management form), so these tests keep working when the form
gains fields; only the photo and the fields under test are filled in.
"""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation
from PIL import Image

from articles.models import Article, GalleryImage
from delegations.models import Person
from regionnews.images import renditions
from tests import factories
from tests.regionnews.images.test_pipeline import (
    assert_no_metadata,
    encode,
    files_under,
    noisy_jpeg,
    photo,
    photo_with_metadata,
    png_declaring,
    rendition_files,
    stored_bytes,
    upload,
)

pytestmark = pytest.mark.django_db

ENGLISH = {"accept-language": "en"}


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


class FormReader(HTMLParser):
    """What a browser submits from the form with id *form_id* (no files)."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside = form_id, False
        self.data: dict[str, list[str]] = {}
        self.select = self.textarea = None
        self.text = []

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "disabled" in attrs:
            return
        kind = attrs.get("type", "text")
        if tag == "input" and attrs.get("name") and kind not in {"file", "submit"}:
            if kind not in {"checkbox", "radio"}:
                self.add(attrs["name"], attrs.get("value", ""))
            elif "checked" in attrs:
                self.add(attrs["name"], attrs.get("value", "on"))
        elif tag == "select":
            self.select = attrs.get("name")
        elif tag == "option" and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value", ""))
        elif tag == "textarea":
            self.textarea, self.text = attrs.get("name"), []

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.add(self.textarea, "".join(self.text).removeprefix("\n"))
            self.textarea = None


def form_data(client, url, form_id, **changes):
    """The form at *url* as the browser would post it, with *changes* applied."""
    response = client.get(url, headers=ENGLISH)
    assert response.status_code == 200
    reader = FormReader(form_id)
    reader.feed(response.content.decode())
    data = {
        name: values if len(values) > 1 else values[0]
        for name, values in reader.data.items()
    }
    data.update(changes, _save="Save")
    return data


def post(client, url, data):
    return client.post(url, data, headers=ENGLISH)


def errors_of(response) -> str:
    """Every error message on the rendered page (main form and inlines)."""
    assert response.status_code == 200, "the form was accepted"
    messages = [str(response.context["adminform"].form.errors)]
    for inline in response.context["inline_admin_formsets"]:
        messages += [str(inline.formset.errors), str(inline.formset.non_form_errors())]
    return " ".join(messages)


ADD_URL = reverse("admin:articles_article_add")


def add_article_data(client, **changes):
    defaults = {
        "title_cs": "Velvyslanec navštívil kraj",
        "title_en": "Ambassador visited the region",
        "main_image_alt_cs": "Hejtman a velvyslanec",
        "main_image_alt_en": "The governor and the ambassador",
        "status": Article.Status.DRAFT,
    }
    return form_data(client, ADD_URL, "article_form", **{**defaults, **changes})


def stored_row(article) -> dict:
    """Every column of the article's row (in one language: modeltranslation
    reads the plain names, title, slug ..., in the active one)."""
    with translation.override("cs"):
        return Article.objects.values().get(pk=article.pk)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


# --- main photo ---------------------------------------------------------------


def test_uploaded_main_photo_is_stored_clean_with_renditions(admin_client_logged):
    data = add_article_data(
        admin_client_logged, main_image=upload(photo_with_metadata((1200, 900)))
    )

    response = post(admin_client_logged, ADD_URL, data)

    assert response.status_code == 302, errors_of(response)
    article = Article.objects.get()
    assert (article.main_image_width, article.main_image_height) == (1200, 900)
    assert_no_metadata(stored_bytes(article.main_image))
    assert rendition_files(article.main_image)
    for path in rendition_files(article.main_image):
        assert_no_metadata(path.read_bytes())


REFUSALS = {
    "decompression bomb": (png_declaring(30000, 30000), "bomb.png", "megapixels"),
    "text renamed .jpg": (b"Dear editor,\n" * 50, "photo.jpg", "not a JPEG"),
    "truncated JPEG": (noisy_jpeg()[:4000], "cut.jpg", "damaged or incomplete"),
    "GIF": (encode(Image.new("P", (20, 20)), "GIF"), "anim.gif", "GIF images"),
    "SVG": (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "logo.svg", "not a JPEG"),
    # Wider than a WebP rendition can be: refused before decoding.
    "16384 px wide": (
        encode(Image.new("RGB", (16384, 2)), "PNG"),
        "strip.png",
        "each side may be at most 16383 pixels",
    ),
    "16384 px tall WebP": (
        png_declaring(2, 16384),
        "tower.png",
        "each side may be at most 16383 pixels",
    ),
}


@pytest.mark.parametrize("data, name, message", REFUSALS.values(), ids=REFUSALS)
def test_refused_main_photo_is_a_form_error_and_nothing_is_stored(
    admin_client_logged, media_root, data, name, message
):
    form = add_article_data(admin_client_logged, main_image=upload(data, name))
    files_before = files_under(media_root)

    response = post(admin_client_logged, ADD_URL, form)

    assert message in errors_of(response)
    assert "main_image" in response.context["adminform"].form.errors
    assert files_under(media_root) == files_before
    assert not Article.objects.exists()


def test_a_form_failing_for_another_reason_asks_to_choose_the_photo_again(
    admin_client_logged, media_root
):
    form = add_article_data(
        admin_client_logged,
        main_image=upload(photo((800, 600))),
        main_image_focal_x="7",
    )

    response = post(admin_client_logged, ADD_URL, form)

    assert "choose it again" in str(
        response.context["adminform"].form.errors["main_image"]
    )
    assert files_under(media_root) == []


def test_the_widest_accepted_photo_gets_renditions_within_bounds(
    admin_client_logged, media_root
):
    data = add_article_data(
        admin_client_logged,
        main_image=upload(encode(Image.new("RGB", (16383, 4)), "PNG"), "strip.png"),
    )

    response = post(admin_client_logged, ADD_URL, data)

    assert response.status_code == 302, errors_of(response)
    for path in rendition_files(Article.objects.get().main_image):
        with Image.open(path) as rendition:
            assert max(rendition.size) <= 16383


def test_oversized_main_photo_is_refused_with_the_limit(
    admin_client_logged, media_root, settings
):
    data = noisy_jpeg()
    settings.IMAGE_MAX_UPLOAD_BYTES = len(data) - 1
    form = add_article_data(admin_client_logged, main_image=upload(data))

    response = post(admin_client_logged, ADD_URL, form)

    assert "photos of at most" in errors_of(response)
    assert files_under(media_root) == []
    assert not Article.objects.exists()


def test_refused_replacement_leaves_the_article_and_its_files_unchanged(
    admin_client_logged, media_root
):
    article = factories.article(
        main_image=upload(photo((800, 600))),
        main_image_alt_cs="Popis",
        main_image_alt_en="Description",
        main_image_alt_de="Beschreibung",
    )
    before = stored_row(article)
    files_before = files_under(media_root)
    data = form_data(
        admin_client_logged,
        change_url(article),
        "article_form",
        main_image=upload(png_declaring(30000, 30000), "bomb.png"),
    )

    response = post(admin_client_logged, change_url(article), data)

    assert "megapixels" in errors_of(response)
    assert stored_row(article) == before
    assert files_under(media_root) == files_before


# --- alt text per language ----------------------------------------------------


def test_main_photo_without_alt_text_in_a_titled_language_is_refused(
    admin_client_logged, media_root
):
    form = add_article_data(
        admin_client_logged,
        title_de="Botschafter besuchte die Region",
        main_image=upload(photo((400, 300))),
    )

    response = post(admin_client_logged, ADD_URL, form)

    errors = response.context["adminform"].form.errors
    # The photo itself was fine, but is not kept: it must be chosen again.
    assert set(errors) == {"main_image_alt_de", "main_image"}
    assert "choose it again" in errors["main_image"][0]
    assert "German" in errors["main_image_alt_de"][0]
    assert files_under(media_root) == []


def test_language_without_a_title_needs_no_alt_text(admin_client_logged):
    form = add_article_data(
        admin_client_logged, title_de="", main_image=upload(photo((400, 300)))
    )

    response = post(admin_client_logged, ADD_URL, form)

    assert response.status_code == 302, errors_of(response)


def test_decorative_main_photo_needs_no_alt_text(admin_client_logged):
    form = add_article_data(
        admin_client_logged,
        main_image_alt_cs="",
        main_image_alt_en="",
        main_image_decorative="on",
        main_image=upload(photo((400, 300))),
    )

    response = post(admin_client_logged, ADD_URL, form)

    assert response.status_code == 302, errors_of(response)
    assert Article.objects.get().main_image_decorative


def test_new_title_language_needs_alt_text_for_the_stored_photo(admin_client_logged):
    article = factories.article(
        title_de="",
        main_image=upload(photo((400, 300))),
        main_image_alt_cs="Popis",
        main_image_alt_en="Description",
    )
    data = form_data(
        admin_client_logged, change_url(article), "article_form", title_de="Titel"
    )

    response = post(admin_client_logged, change_url(article), data)

    assert "main_image_alt_de" in response.context["adminform"].form.errors


# --- focal point --------------------------------------------------------------


def test_article_form_has_focal_point_inputs_and_their_script(admin_client_logged):
    response = admin_client_logged.get(ADD_URL)

    html = response.content.decode()
    assert 'name="main_image_focal_x"' in html
    assert 'data-focal-axis="x"' in html
    assert "js/focal-point.js" in html


def test_focal_point_set_in_the_admin_makes_new_card_crops(
    admin_client_logged, django_capture_on_commit_callbacks
):
    article = factories.article(
        main_image=upload(photo((1000, 750))),
        main_image_alt_cs="Popis",
        main_image_alt_en="Description",
        main_image_alt_de="Beschreibung",
    )
    old = renditions.renditions_for(article.main_image, crop="16:9")
    data = form_data(
        admin_client_logged,
        change_url(article),
        "article_form",
        main_image_focal_x="0.5",
        main_image_focal_y="0.1",
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = post(admin_client_logged, change_url(article), data)

    assert response.status_code == 302, errors_of(response)
    article.refresh_from_db()
    assert article.main_image_focal_y == pytest.approx(0.1)
    new = renditions.renditions_for(article.main_image, crop="16:9")
    storage = article.main_image.storage
    assert all(storage.exists(name) for name in new.names)
    assert not any(storage.exists(name) for name in old.names)


def test_focal_point_outside_0_to_1_is_refused(admin_client_logged):
    form = add_article_data(admin_client_logged, main_image_focal_x="1.5")

    response = post(admin_client_logged, ADD_URL, form)

    assert "main_image_focal_x" in response.context["adminform"].form.errors


# --- gallery inline -----------------------------------------------------------


def gallery_row(n=0, **fields):
    """One new gallery row, as "Add another gallery image" fills it in."""
    row = {"order": str(n), "focal_x": "0.5", "focal_y": "0.5", **fields}
    return {f"gallery-{n}-{name}": value for name, value in row.items()}


def add_with_gallery(client, *rows, **changes):
    data = add_article_data(client, **changes)
    for row in rows:
        data.update(row)
    data["gallery-TOTAL_FORMS"] = str(len(rows))
    return data


def test_gallery_photos_upload_through_the_inline_in_order(admin_client_logged):
    data = add_with_gallery(
        admin_client_logged,
        gallery_row(
            0,
            image=upload(photo_with_metadata((900, 600)), "b.jpg"),
            alt_text_cs="Druhá",
            alt_text_en="Second",
            order="2",
            caption_en="At the brewery",
            credit="Pilsen Region",
        ),
        gallery_row(
            1,
            image=upload(photo((600, 900)), "a.jpg"),
            alt_text_cs="První",
            alt_text_en="First",
            order="1",
        ),
    )

    response = post(admin_client_logged, ADD_URL, data)

    assert response.status_code == 302, errors_of(response)
    gallery = list(Article.objects.get().gallery.all())
    assert [image.alt_text_en for image in gallery] == ["First", "Second"]
    assert [(image.width, image.height) for image in gallery] == [
        (600, 900),
        (900, 600),
    ]
    assert gallery[1].caption_en == "At the brewery"
    assert_no_metadata(stored_bytes(gallery[1].image))
    assert rendition_files(gallery[1].image)


def test_gallery_photo_without_alt_text_is_refused_naming_the_language(
    admin_client_logged, media_root
):
    data = add_with_gallery(
        admin_client_logged,
        gallery_row(0, image=upload(photo((400, 300))), alt_text_cs="Popis"),
    )

    response = post(admin_client_logged, ADD_URL, data)

    assert "English" in errors_of(response)
    assert not Article.objects.exists()
    assert not GalleryImage.objects.exists()
    assert files_under(media_root) == []


def test_decorative_gallery_photo_needs_no_alt_text(admin_client_logged):
    data = add_with_gallery(
        admin_client_logged,
        gallery_row(0, image=upload(photo((400, 300))), decorative="on"),
    )

    response = post(admin_client_logged, ADD_URL, data)

    assert response.status_code == 302, errors_of(response)
    assert GalleryImage.objects.get().decorative


def test_refused_gallery_photo_is_a_form_error_and_nothing_is_stored(
    admin_client_logged, media_root
):
    data = add_with_gallery(
        admin_client_logged,
        gallery_row(
            0,
            image=upload(noisy_jpeg()[:4000], "cut.jpg"),
            alt_text_cs="Popis",
            alt_text_en="Description",
        ),
    )

    response = post(admin_client_logged, ADD_URL, data)

    assert "damaged or incomplete" in errors_of(response)
    assert not Article.objects.exists()
    assert files_under(media_root) == []


# --- person photo -------------------------------------------------------------


def person_data(client, **changes):
    url = reverse("admin:delegations_person_add")
    return form_data(client, url, "person_form", name="Bakyt Dyussenbayev", **changes)


def test_person_photo_upload_is_cleaned_and_gets_renditions(admin_client_logged):
    data = person_data(
        admin_client_logged,
        photo=upload(photo_with_metadata((600, 800))),
        photo_alt_cs="Portrét",
        photo_alt_en="Portrait",
        photo_alt_de="Porträt",
    )

    response = post(admin_client_logged, reverse("admin:delegations_person_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    person = Person.objects.get()
    assert (person.photo_width, person.photo_height) == (600, 800)
    assert_no_metadata(stored_bytes(person.photo))
    assert rendition_files(person.photo)


def test_person_photo_needs_alt_text_in_every_language(admin_client_logged, media_root):
    data = person_data(
        admin_client_logged, photo=upload(photo((600, 800))), photo_alt_en="Portrait"
    )

    response = post(admin_client_logged, reverse("admin:delegations_person_add"), data)

    errors = response.context["adminform"].form.errors
    assert set(errors) == {"photo_alt_cs", "photo_alt_de", "photo"}  # photo: again
    assert not Person.objects.exists()
    assert files_under(media_root) == []


def test_person_photo_that_is_not_an_image_is_refused(admin_client_logged):
    data = person_data(
        admin_client_logged,
        photo=upload(b"<html>not a photo</html>", "portrait.jpg"),
        photo_alt_cs="Portrét",
        photo_alt_en="Portrait",
        photo_alt_de="Porträt",
    )

    response = post(admin_client_logged, reverse("admin:delegations_person_add"), data)

    assert "photo" in response.context["adminform"].form.errors
    assert not Person.objects.exists()


def test_upload_input_accepts_only_the_photo_formats(admin_client_logged):
    response = admin_client_logged.get(ADD_URL)

    assert 'accept="image/jpeg,image/png,image/webp"' in response.content.decode()

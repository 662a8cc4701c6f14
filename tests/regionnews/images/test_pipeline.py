"""Photos: validation by decoding, metadata stripping, renditions, crops and the
{% picture %} tag. Every image is drawn with Pillow in the test; each test gets
its own MEDIA_ROOT so that files can be counted."""

import io
import struct
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from PIL import Image, ImageCms, ImageFile, PngImagePlugin

from articles.models import Article, GalleryImage
from regionnews.images import renditions
from regionnews.images import validation as images
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# --- images drawn for the tests -----------------------------------------------


def encode(image: Image.Image, image_format="JPEG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def upload(data: bytes, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def photo(size=(1000, 750), image_format="JPEG", **options) -> bytes:
    return encode(Image.new("RGB", size, "navy"), image_format, **options)


def noisy_jpeg(size=(400, 300)) -> bytes:
    """A JPEG that does not compress to almost nothing (for byte counts)."""
    return encode(Image.effect_noise(size, 60).convert("RGB"), "JPEG", quality=95)


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height pixels (a decompression bomb).

    IHDR is the first chunk: its 13 data bytes start at offset 16 with the width
    and height, and its CRC (over type and data) follows at offset 29.
    """
    data = bytearray(encode(Image.new("1", (8, 8)), "PNG"))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


SECRET = b"Secret place"


def photo_with_metadata(size=(1000, 750), image_format="JPEG") -> bytes:
    """A camera photo: EXIF with GPS coordinates, XMP, an ICC profile, a comment."""
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x8825] = {1: "N", 2: (49.0, 44.0, 12.5), 3: "E", 4: (13.0, 22.0, 30.0)}
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b"<x:xmpmeta>" + SECRET + b"</x:xmpmeta>"
    options = {"exif": exif, "icc_profile": icc}
    if image_format == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Comment", SECRET.decode())
        text.add_itxt("XML:com.adobe.xmp", xmp.decode())
        options["pnginfo"] = text
    else:
        options.update(xmp=xmp)
        if image_format == "JPEG":
            options.update(comment=SECRET)
    return photo(size, image_format, **options)


def rotated_photo() -> bytes:
    """600x400, left half red and right half blue, to be shown turned 90 degrees
    clockwise (EXIF orientation 6): upright it is 400x600, red on top."""
    image = Image.new("RGB", (600, 400), "blue")
    image.paste(Image.new("RGB", (300, 400), "red"), (0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6
    return encode(image, "JPEG", exif=exif)


def refusal_code(data: bytes, name="photo.jpg") -> str:
    with pytest.raises(ValidationError) as caught:
        images.validate_image_file(upload(data, name))
    return caught.value.code


def files_under(root: Path) -> list[Path]:
    return sorted(path for path in Path(root).rglob("*") if path.is_file())


def stored_bytes(fieldfile) -> bytes:
    with fieldfile.open("rb") as file:
        return file.read()


def rendition_files(fieldfile) -> list[Path]:
    return files_under(
        Path(fieldfile.storage.location) / renditions.rendition_root(fieldfile.name)
    )


def assert_no_metadata(data: bytes) -> None:
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif()
        for key in ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment"):
            assert not image.info.get(key), key
        assert "Comment" not in image.info
    assert b"Exif\x00" not in data
    assert SECRET not in data
    assert b"Camera maker" not in data


# --- validation ---------------------------------------------------------------


def test_decompression_bomb_is_refused_with_the_pixel_limit_message():
    with pytest.raises(ValidationError) as caught:
        images.validate_image_file(upload(png_declaring(30000, 30000), "bomb.png"))

    assert caught.value.code == "too_many_pixels"
    assert "megapixel" in " ".join(caught.value.messages)


def test_image_over_the_pixel_limit_is_refused(settings):
    settings.IMAGE_MAX_PIXELS = 10_000

    assert refusal_code(photo((200, 100))) == "too_many_pixels"


def test_text_file_renamed_jpg_is_refused():
    assert refusal_code(b"Just some text, not a photo.\n" * 20) == "not_image"


def test_svg_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'

    assert refusal_code(svg, "drawing.svg") == "not_image"


def test_truncated_jpeg_is_refused():
    data = noisy_jpeg()

    assert refusal_code(data[: len(data) // 2]) == "damaged"


def test_gif_is_refused_naming_its_format():
    with pytest.raises(ValidationError) as caught:
        images.validate_image_file(
            upload(encode(Image.new("P", (10, 10)), "GIF"), "anim.gif")
        )

    assert caught.value.code == "format"
    assert "GIF" in caught.value.messages[0]


def test_file_over_the_byte_limit_is_refused(settings):
    data = noisy_jpeg()
    settings.IMAGE_MAX_UPLOAD_BYTES = len(data) - 1

    assert refusal_code(data) == "too_large"


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_jpeg_png_and_webp_are_accepted(image_format):
    images.validate_image_file(upload(photo((30, 20), image_format), "x"))


def test_truncated_images_are_never_padded_when_loaded():
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_pillow_pixel_limit_is_the_setting(settings):
    assert Image.MAX_IMAGE_PIXELS == settings.IMAGE_MAX_PIXELS


def test_refused_file_saved_through_the_model_stores_nothing(media_root):
    article = Article(title_cs="Článek", main_image=upload(b"not an image"))

    with pytest.raises(ValidationError):
        article.save()

    assert files_under(media_root) == []
    assert not Article.objects.exists()


# --- cleaning on upload -------------------------------------------------------


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_gps_exif_is_stripped_from_the_stored_photo_and_every_rendition(image_format):
    data = photo_with_metadata(image_format=image_format)
    assert SECRET in data and b"Camera maker" in data  # the test photo has them
    article = factories.article(main_image=upload(data, "photo"))

    assert_no_metadata(stored_bytes(article.main_image))
    files = rendition_files(article.main_image)
    assert files
    for path in files:
        assert_no_metadata(path.read_bytes())


def test_exif_orientation_is_applied_to_the_stored_photo():
    article = factories.article(main_image=upload(rotated_photo()))

    assert (article.main_image_width, article.main_image_height) == (400, 600)
    with Image.open(article.main_image.path) as stored:
        assert stored.size == (400, 600)
        red, green, blue = stored.convert("RGB").getpixel((200, 50))
        assert red > 200 and blue < 60


def test_photo_is_stored_with_the_extension_of_its_real_format():
    article = factories.article(
        main_image=upload(photo((40, 30), "PNG"), "scan.jpg", "image/jpeg")
    )

    assert article.main_image.name.endswith(".png")
    with Image.open(article.main_image.path) as stored:
        assert stored.format == "PNG"


# --- renditions ---------------------------------------------------------------


def rendition_sizes(paths) -> dict[str, set[tuple[int, int]]]:
    sizes = {"WEBP": set(), "JPEG": set()}
    for path in paths:
        with Image.open(path) as image:
            sizes[image.format].add(image.size)
    return sizes


def test_renditions_exist_at_each_width_up_to_the_original_in_both_formats():
    article = factories.article(main_image=upload(photo((1000, 750))))

    uncropped = [
        path
        for path in rendition_files(article.main_image)
        if path.parent.name.startswith(Path(article.main_image.name).stem)
    ]
    expected = {(320, 240), (640, 480), (960, 720), (1000, 750)}
    assert rendition_sizes(uncropped) == {"WEBP": expected, "JPEG": expected}


def test_small_photo_is_never_scaled_up():
    article = factories.article(main_image=upload(photo((200, 150))))

    sizes = rendition_sizes(rendition_files(article.main_image))
    assert max(width for width, _ in sizes["WEBP"] | sizes["JPEG"]) == 200


def test_card_crops_are_16_to_9():
    article = factories.article(main_image=upload(photo((1000, 750))))

    crops = renditions.renditions_for(article.main_image, crop="16:9")
    for rendition in crops.renditions:
        for name in (rendition.webp, rendition.jpeg):
            with article.main_image.storage.open(name) as file, Image.open(file) as im:
                assert im.size == (rendition.width, rendition.height)
                assert abs(im.width / im.height - 16 / 9) < 0.01


def test_crop_box_is_centred_on_the_focal_point():
    assert renditions.crop_box(1000, 1000, 0.5, 0.3, 16 / 9) == (0, 19, 1000, 581)


def test_crop_box_stays_inside_the_image_at_the_edges():
    assert renditions.crop_box(1000, 1000, 0.5, 0.0, 16 / 9) == (0, 0, 1000, 562)
    assert renditions.crop_box(1000, 1000, 0.5, 1.0, 16 / 9) == (0, 438, 1000, 1000)


def test_crop_box_of_a_wide_image_cuts_the_sides_around_the_focal_point():
    assert renditions.crop_box(2000, 500, 0.8, 0.5, 1.0) == (1350, 0, 1850, 500)


def test_crop_keeps_the_face_at_the_focal_point_in_view():
    # A red "face" in the top-left corner of a tall photo.
    image = Image.new("RGB", (600, 1200), "white")
    image.paste(Image.new("RGB", (100, 100), "red"), (50, 50))
    article = factories.article(
        main_image=upload(encode(image)),
        main_image_focal_x=100 / 600,
        main_image_focal_y=100 / 1200,
    )

    largest = renditions.renditions_for(article.main_image, crop="16:9").renditions[-1]
    storage = article.main_image.storage
    with storage.open(largest.jpeg) as file, Image.open(file) as crop:
        scale = crop.width / 600
        red, green, blue = crop.getpixel((int(100 * scale), int(100 * scale)))
    assert red > 200 and green < 60


def test_new_focal_point_makes_new_crops_and_removes_the_old(
    django_capture_on_commit_callbacks,
):
    article = factories.article(main_image=upload(photo((1000, 750))))
    old = renditions.renditions_for(article.main_image, crop="16:9")
    storage = article.main_image.storage

    with django_capture_on_commit_callbacks(execute=True):
        article.main_image_focal_y = 0.1
        article.save()

    new = renditions.renditions_for(article.main_image, crop="16:9")
    assert new.directory != old.directory
    assert all(storage.exists(name) for name in new.names)
    assert not any(storage.exists(name) for name in old.names)
    assert all(
        storage.exists(name)
        for name in renditions.renditions_for(article.main_image).names
    )


def test_replacing_the_photo_removes_the_old_renditions(
    django_capture_on_commit_callbacks,
):
    article = factories.article(main_image=upload(photo((700, 500)), "old.jpg"))
    old_names = [
        *renditions.renditions_for(article.main_image).names,
        *renditions.renditions_for(article.main_image, crop="16:9").names,
    ]

    with django_capture_on_commit_callbacks(execute=True):
        article.main_image = upload(photo((800, 600)), "new.jpg")
        article.save()

    storage = article.main_image.storage
    assert not any(storage.exists(name) for name in old_names)
    assert all(
        storage.exists(name)
        for name in renditions.renditions_for(article.main_image).names
    )


def test_deleting_a_gallery_photo_removes_its_renditions(
    django_capture_on_commit_callbacks,
):
    image = GalleryImage.objects.create(
        article=factories.article(), image=upload(photo((700, 500)))
    )
    root = Path(image.image.storage.location) / renditions.rendition_root(
        image.image.name
    )
    assert files_under(root)

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    assert files_under(root) == []


def test_renditions_are_not_deleted_while_the_transaction_may_roll_back():
    article = factories.article(main_image=upload(photo((700, 500)), "old.jpg"))
    old_names = renditions.renditions_for(article.main_image).names

    article.main_image = upload(photo((800, 600)), "new.jpg")
    article.save()  # the test's transaction never commits

    assert all(article.main_image.storage.exists(name) for name in old_names)


def test_person_photo_gets_renditions():
    person = factories.person(photo=upload(photo((500, 700))), photo_alt_en="Face")

    assert rendition_files(person.photo)


# --- the {% picture %} tag ----------------------------------------------------


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def first(self, name):
        return next(attrs for tag, attrs in self.tags if tag == name)


def render(template: str, **context) -> TagCollector:
    html = Template("{% load images %}" + template).render(Context(context))
    parser = TagCollector()
    parser.feed(html)
    return parser


def srcset_widths(srcset: str) -> list[int]:
    return [int(item.split()[1].rstrip("w")) for item in srcset.split(", ")]


def test_picture_has_webp_and_jpeg_srcsets_dimensions_and_alt():
    article = factories.article(
        main_image=upload(photo((1000, 750))), main_image_alt_cs="Hejtman a velvyslanec"
    )

    tags = render('{% picture article.main_image sizes="50vw" %}', article=article)

    source, img = tags.first("source"), tags.first("img")
    assert [tag for tag, _ in tags.tags] == ["picture", "source", "img"]
    assert source["type"] == "image/webp"
    assert srcset_widths(source["srcset"]) == [320, 640, 960, 1000]
    assert all(".webp " in item for item in source["srcset"].split(", "))
    assert srcset_widths(img["srcset"]) == [320, 640, 960, 1000]
    assert img["src"].endswith("/1000.jpg")
    assert (img["width"], img["height"]) == ("1000", "750")
    assert img["alt"] == "Hejtman a velvyslanec"
    assert img["sizes"] == source["sizes"] == "50vw"
    assert (img["loading"], img["decoding"]) == ("lazy", "async")


def test_picture_urls_point_at_existing_renditions(client):
    article = factories.article(main_image=upload(photo((700, 500))))
    storage = article.main_image.storage

    img = render("{% picture article.main_image %}", article=article).first("img")

    for item in img["srcset"].split(", "):
        url = item.split()[0]
        assert storage.exists(url.removeprefix(storage.base_url))


def test_decorative_picture_has_empty_alt():
    article = factories.article(
        main_image=upload(photo((400, 300))),
        main_image_alt_cs="Popis",
        main_image_decorative=True,
    )

    img = render("{% picture article.main_image %}", article=article).first("img")

    assert img["alt"] == ""


def test_cropped_picture_has_the_crop_dimensions():
    article = factories.article(main_image=upload(photo((1000, 750))))

    img = render('{% picture article.main_image crop="16:9" %}', article=article).first(
        "img"
    )

    assert (img["width"], img["height"]) == ("1000", "562")
    assert "/16x9-0.500-0.500/" in img["src"]


def test_picture_of_no_photo_renders_nothing():
    article = factories.article()

    html = Template("{% load images %}{% picture article.main_image %}").render(
        Context({"article": article})
    )

    assert html.strip() == ""


def test_alt_text_shown_in_a_fallback_language_says_which():
    article = factories.article(
        main_image=upload(photo((400, 300))), main_image_alt_cs="Hejtman"
    )

    with translation.override("en"):
        img = render("{% picture article.main_image %}", article=article).first("img")

    assert (img["alt"], img["lang"]) == ("Hejtman", "cs")


# --- pages --------------------------------------------------------------------


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parser = TagCollector()
    parser.feed(response.content.decode())
    return parser, response.content.decode()


def test_article_page_shows_the_main_photo_with_caption_and_credit(client):
    article = factories.article(
        main_image=upload(photo((1000, 750))),
        main_image_alt_en="The governor greets the ambassador",
        main_image_caption_en="At the regional office",
        main_image_credit="Pilsen Region",
    )
    with translation.override("en"):
        url = article.get_absolute_url()

    tags, html = page(client, url)

    img = next(
        attrs
        for tag, attrs in tags.tags
        if tag == "img" and attrs.get("alt") == "The governor greets the ambassador"
    )
    assert srcset_widths(img["srcset"]) == [320, 640, 960, 1000]
    caption = html[html.index("<figcaption>") : html.index("</figcaption>")]
    assert "At the regional office" in caption
    assert "Pilsen Region" in caption


def test_article_page_shows_the_gallery_cropped_and_in_order(client):
    article = factories.article()
    for order, alt in ((2, "Second"), (1, "First")):
        GalleryImage.objects.create(
            article=article,
            image=upload(photo((800, 800))),
            alt_text_en=alt,
            order=order,
        )
    with translation.override("en"):
        url = article.get_absolute_url()

    tags, html = page(client, url)

    gallery = [
        attrs
        for tag, attrs in tags.tags
        if tag == "img" and attrs.get("alt") in {"First", "Second"}
    ]
    assert [attrs["alt"] for attrs in gallery] == ["First", "Second"]
    assert all("/4x3-" in attrs["src"] for attrs in gallery)


def test_article_card_shows_the_16_to_9_crop(client):
    factories.article(main_image=upload(photo((1000, 750))), main_image_alt_en="A")
    with translation.override("en"):
        url = reverse("articles:list")

    tags, _html = page(client, url)

    card_image = next(
        attrs
        for tag, attrs in tags.tags
        if tag == "img" and "card__image" in attrs.get("class", "")
    )
    assert "/16x9-" in card_image["src"]
    assert (card_image["width"], card_image["height"]) == ("1000", "562")


def test_person_page_shows_the_photo_as_a_picture(client):
    person = factories.person(
        photo=upload(photo((500, 700))), photo_alt_en="Portrait of the ambassador"
    )
    factories.participation(visit=factories.visit(), person=person)
    with translation.override("en"):
        url = person.get_absolute_url()

    tags, _html = page(client, url)

    img = next(
        attrs
        for tag, attrs in tags.tags
        if tag == "img" and attrs.get("alt") == "Portrait of the ambassador"
    )
    assert "person__photo" in img["class"]
    assert srcset_widths(img["srcset"]) == [320, 500]

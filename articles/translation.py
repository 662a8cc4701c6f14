from modeltranslation.translator import TranslationOptions, register

from .models import Article, GalleryImage, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "lead", "body", "main_image_alt", "main_image_caption")


@register(GalleryImage)
class GalleryImageTranslationOptions(TranslationOptions):
    fields = ("alt_text", "caption")

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("News")

    def ready(self):
        # After every migrate, once the permissions of every app exist, put the
        # role groups back in step.
        from regionnews.core.roles import sync_roles_after_migrate

        post_migrate.connect(
            sync_roles_after_migrate, sender=self, dispatch_uid="regionnews.core.roles"
        )

        from regionnews.core.content_generation import (
            register_content_models,
            register_next_change,
        )
        from regionnews.images import registry

        from .adapters import register_adapters
        from .models import Article, GalleryImage, Topic

        # Every save of these photos is validated, cleaned and gets renditions.
        registry.register(
            Article,
            "main_image",
            alt="main_image_alt",
            decorative="main_image_decorative",
            focal=("main_image_focal_x", "main_image_focal_y"),
            crops=("16:9",),
        )
        registry.register(
            GalleryImage,
            "image",
            alt="alt_text",
            decorative="decorative",
            focal=("focal_x", "focal_y"),
            crops=("4:3",),
        )
        register_adapters()

        # Cached pages go stale on every write, and never outlive the next
        # scheduled publication.
        register_content_models(Article, GalleryImage, Topic)
        register_next_change(Article.objects.next_publication_time)

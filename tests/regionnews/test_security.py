"""Security headers sent with every response."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["healthz", "robots_txt", "sitemap"])
def response(request, client):
    return client.get(reverse(request.param))


def csp_directives(header):
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in header.split(";"))
        if part
    }


def test_response_has_a_content_security_policy(response):
    policy = csp_directives(response["Content-Security-Policy"])

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_public_policy_allows_no_inline_code(response):
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


def test_response_forbids_content_sniffing(response):
    assert response["X-Content-Type-Options"] == "nosniff"


def test_response_sets_a_referrer_policy(response):
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_response_may_not_be_framed(response):
    assert response["X-Frame-Options"] == "DENY"


def test_response_isolates_the_browsing_context(response):
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_admin_policy_allows_inline_styles_but_not_inline_scripts(client):
    response = client.get(reverse("admin:login"))

    policy = csp_directives(response["Content-Security-Policy"])
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["script-src"] == ["'self'"]


def test_response_sets_a_permissions_policy(response):
    policy = response["Permissions-Policy"]

    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in policy


def test_static_files_carry_the_policy_and_frame_protection(client):
    """WhiteNoise answers static files itself; the header middleware wraps it."""
    response = client.get("/static/css/site.css")

    assert response.status_code == 200
    assert type(response).__name__ == "WhiteNoiseFileResponse"
    assert csp_directives(response["Content-Security-Policy"])["default-src"] == [
        "'self'"
    ]
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_the_header_middleware_comes_before_whitenoise():
    from django.conf import settings

    order = settings.MIDDLEWARE
    whitenoise = order.index("whitenoise.middleware.WhiteNoiseMiddleware")
    for name in (
        "regionnews.middleware.ContentSecurityPolicyMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
        "django.middleware.security.SecurityMiddleware",
    ):
        assert order.index(name) < whitenoise, name

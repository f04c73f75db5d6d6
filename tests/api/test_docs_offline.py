"""Swagger UI and ReDoc load in a real browser (Debian's chromium, headless) with no request to another host.

Every request the page makes goes through a route that lets local ones through and aborts and records the
others, so nothing leaves the machine even when a page misbehaves. The control test serves the stock ReDoc
page of drf-spectacular, which links a web-font host, and shows that the check catches it."""

import os
import shutil
from urllib.parse import urlsplit

import pytest
from django.template.loader import render_to_string

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
# Names resolve to nothing but this machine, a second guard beside the route.
NO_DNS = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"


def chromium_path():
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def browser(live_server, transactional_db):
    # Started after the database and the server and stopped before them: Playwright's event loop runs in this
    # thread while the browser is open, and Django refuses database calls from a thread with a running loop.
    path = chromium_path()
    if path is None:
        message = "chromium is not installed (apt-get install chromium; .ci/run installs it)"
        if os.environ.get("NEWSAPI_REQUIRE_BROWSER"):
            pytest.fail(message)  # .ci/run installs chromium first and sets this: there a missing browser fails
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=["--no-sandbox", NO_DNS])
        yield browser
        browser.close()


class Visit:
    """The requests a page made while it loaded: `local` were served, `external` aborted."""

    def __init__(self, browser):
        self.context = browser.new_context()
        self.local, self.external = [], []
        self.context.route("**/*", self.route)
        self.page = self.context.new_page()

    def route(self, route):
        url = route.request.url
        if urlsplit(url).scheme in {"http", "https"} and urlsplit(url).hostname not in LOCAL_HOSTS:
            self.external.append(url)
            route.abort()
        else:
            self.local.append(urlsplit(url).path)
            route.continue_()

    def load(self, url, ready):
        self.page.goto(url, wait_until="networkidle")
        self.page.wait_for_selector(ready, timeout=30_000)
        self.page.wait_for_load_state("networkidle")
        return self

    def close(self):
        self.context.close()


@pytest.mark.parametrize(
    ("path", "ready", "assets"),
    [
        ("/api/docs/", "#operations-articles-articles_list",
         {"/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js", "/api/schema/"}),
        ("/api/redoc/", "[data-section-id='tag/articles/operation/articles_list']",
         {"/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js", "/api/schema/"}),
    ],
)
def test_docs_load_with_no_request_to_another_host(browser, live_server, path, ready, assets):
    visit = Visit(browser).load(live_server.url + path, ready)
    try:
        assert visit.external == []
        assert assets <= set(visit.local), visit.local
    finally:
        visit.close()


def test_the_check_catches_a_page_that_asks_another_host(browser, live_server):
    # drf-spectacular's own ReDoc page, served at a local address: it links Google's font servers.
    stock = render_to_string("drf_spectacular/redoc.html", {
        "title": "stock", "schema_url": "/api/schema/", "settings": "{}",
        "redoc_standalone": "/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js",
    })
    visit = Visit(browser)
    # Registered after the catch-all route, so it answers first.
    visit.context.route(f"{live_server.url}/stock-redoc/", lambda route: route.fulfill(
        status=200, content_type="text/html", body=stock))
    try:
        visit.load(f"{live_server.url}/stock-redoc/", "[data-section-id='tag/articles/operation/articles_list']")
        hosts = {urlsplit(url).hostname for url in visit.external}
        assert {"fonts.googleapis.com", "cdn.redoc.ly"} <= hosts
    finally:
        visit.close()


def test_swagger_ui_shows_a_padlock_only_on_operations_that_need_a_token(browser, live_server):
    visit = Visit(browser).load(live_server.url + "/api/docs/", "#operations-articles-articles_list")
    try:
        page = visit.page
        reads = page.locator(".opblock-get")
        writes = page.locator(".opblock-post, .opblock-patch")
        assert reads.count() > 20 and writes.count() == 7
        assert page.locator(".opblock-get .authorization__btn").count() == 0
        assert page.locator(".opblock-post .authorization__btn, .opblock-patch .authorization__btn").count() == 7
    finally:
        visit.close()

"""The API's documentation pages, Swagger UI and ReDoc, served with every asset from this server.

Their scripts and styles come from drf-spectacular-sidecar through the static files. A Content-Security-Policy
keeps the pages on their own origin: what a bundled script would fetch from elsewhere (ReDoc's footer logo
from its CDN) is never requested, and the logo hides itself when it cannot load."""

from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    # ReDoc starts from an inline call and runs its search in a worker made from a blob.
    "script-src 'self' 'unsafe-inline' blob:",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
])


class OwnOriginOnly:
    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return response


class SwaggerView(OwnOriginOnly, SpectacularSwaggerSplitView):
    """Swagger UI; its start-up script is a file of its own (`?script`), so no inline script is needed."""


class RedocView(OwnOriginOnly, SpectacularRedocView):
    """ReDoc with the browser's own fonts: the stock page links a web-font host."""

    template_name = "newsapi/redoc.html"

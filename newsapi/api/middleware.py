"""JSON errors on every /api/ path, whatever part of Django answered; the admin's middleware kept off the
API's paths; the ETag of every GET."""

from hashlib import sha1

from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import JsonResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.http import quote_etag
from rest_framework.permissions import SAFE_METHODS
from rest_framework.response import Response
from simple_history.middleware import HistoryRequestMiddleware

API_PREFIX = "/api/"


def is_api(request) -> bool:
    """Whether the request is for the API (its paths answer JSON errors and skip the admin's middleware)."""
    return request.path.startswith(API_PREFIX)


ERROR_CODES = {400: "bad_request", 403: "permission_denied", 404: "not_found", 405: "method_not_allowed",
               413: "request_too_large", 500: "error"}


def api_error(status: int, detail: str, code: str | None = None) -> JsonResponse:
    """An error body of the API's one shape, for answers that do not come from a DRF view."""
    return JsonResponse(
        {"type": "client_error" if status < 500 else "server_error",
         "errors": [{"code": code or ERROR_CODES.get(status, "error"), "detail": detail, "attr": None}]},
        status=status,
    )


class ApiErrorsAsJson:
    """Replaces an HTML error page under /api/ with the JSON error shape.

    DRF views answer errors in JSON themselves, but some answers never reach one: Django's 404 and 500 pages
    with DEBUG on (technical pages that skip handler404/handler500), a rejected Host header, a
    RequestDataTooBig. Outermost in MIDDLEWARE, so that it sees what every other layer answered. The
    browsable API's own HTML (a DRF Response a browser asked for) is left alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code >= 400
            and is_api(request)
            and not isinstance(response, Response)
            and not getattr(response, "streaming", False)
            and response.get("Content-Type", "").startswith(("text/html", "text/plain"))
        ):
            json_response = api_error(response.status_code, response.reason_phrase + ".")
            for header in ("Allow", "Retry-After"):
                if header in response:
                    json_response[header] = response[header]
            return json_response
        return response


# -- admin middleware that the API skips ------------------------------------------------------------------------
# Sessions, Django's user and messages serve the admin. The API never reads them: DRF authenticates tokens
# itself (and, as APIView, is exempt from CSRF, and sets the user it found on Django's request). Under /api/
# they, and the history middleware on reads, only cost CPU on every request (about 6% of an article list's);
# elsewhere they run as before.


class SkippedUnderApi:
    """Mixin for a Django middleware class: it runs for every path outside the API."""

    def __call__(self, request):
        return self.get_response(request) if is_api(request) else super().__call__(request)


class SessionOutsideApi(SkippedUnderApi, SessionMiddleware):
    pass


class AuthenticationOutsideApi(SkippedUnderApi, AuthenticationMiddleware):
    pass


class MessagesOutsideApi(SkippedUnderApi, MessageMiddleware):
    pass


class HistoryRequestOutsideApiReads:
    """django-simple-history's middleware, which hands the request to the history records so that a save
    records its user, for every request but the API's reads: the API's writes (a posted article's extractions,
    a correction) record their user through it; a read writes no history."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.recording = HistoryRequestMiddleware(get_response)

    def __call__(self, request):
        if is_api(request) and request.method in SAFE_METHODS:
            return self.get_response(request)
        return self.recording(request)


class ConditionalGetSha1(ConditionalGetMiddleware):
    """Django's ETag and 304 handling, with the ETag a SHA-1 of the body instead of an MD5: the same use (a
    tag that changes with the content), and on CPUs with SHA instructions 2.6 times faster, which was 3% of an
    article detail's CPU (54 KB hashed in 83 µs)."""

    def process_response(self, request, response):
        if (request.method == "GET" and not response.streaming and response.content
                and not response.has_header("ETag") and self.needs_etag(response)):
            response.headers["ETag"] = quote_etag(sha1(response.content, usedforsecurity=False).hexdigest())
        return super().process_response(request, response)

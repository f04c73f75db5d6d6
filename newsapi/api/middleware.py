"""JSON errors on every /api/ path, whatever part of Django answered."""

from django.http import JsonResponse
from rest_framework.response import Response

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
            and request.path.startswith("/api/")
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

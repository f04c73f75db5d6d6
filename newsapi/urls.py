from django.conf import settings
from django.contrib import admin
from django.http import JsonResponse
from django.urls import include, path
from django.views.generic import RedirectView

from .api_router import router
from .docs import RedocView, SchemaView, SwaggerView


def health(request):
    """For load balancers and the compose health check: the process answers."""
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("", RedirectView.as_view(url="/api/docs/", permanent=False)),
    path("health/", health, name="health"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SchemaView.as_view(), name="schema"),
    path("api/docs/", SwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", RedocView.as_view(url_name="schema"), name="redoc"),
]

handler400 = "newsapi.api.errors.json_bad_request"
handler404 = "newsapi.api.errors.json_not_found"
handler500 = "newsapi.api.errors.json_server_error"

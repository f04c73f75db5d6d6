"""JSON rendered by orjson: the same bytes shape as DRF's compact JSONRenderer, several times faster."""

import orjson
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

_fallback = JSONEncoder()


def _default(value):
    # What orjson does not know natively (lazy translation strings in error messages, Decimal, querysets):
    # DRF's encoder converts it as DRF's own renderer would.
    return _fallback.default(value)


class ORJSONRenderer(JSONRenderer):
    """Compact UTF-8 JSON. An `indent` asked for in the Accept header (the browsable API's raw view) is
    honoured with orjson's two-space indentation."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        indent = self.get_indent(accepted_media_type or "", renderer_context or {})
        option = orjson.OPT_INDENT_2 if indent else 0
        return orjson.dumps(data, default=_default, option=option)

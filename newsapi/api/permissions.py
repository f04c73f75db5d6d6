"""Who may write: reads are public, and each write needs the permissions its view names for the action."""

from rest_framework.permissions import SAFE_METHODS, BasePermission


class RolePermissions(BasePermission):
    """A view lists `write_permissions = {action: [permission, ...]}`; an action it does not list is refused.

    Anonymous writes get 401 (a token is missing); a token whose role lacks a permission gets 403."""

    message = "Your role does not allow this."

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        if getattr(view, request.method.lower(), None) is None:
            return True  # a method the view does not serve: let it answer 405, whoever asks
        if not (request.user and request.user.is_authenticated):
            return False
        required = getattr(view, "write_permissions", {}).get(getattr(view, "action", None))
        if required is None:
            return False
        if not request.user.has_perms(required):
            self.message = f"Your role does not allow this: it needs {', '.join(required)} (see create_api_token --role)."
            return False
        return True

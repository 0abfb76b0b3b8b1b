"""Small helpers the mediator views share."""

from datetime import date
from typing import Any

from flask import current_app, request, url_for
from werkzeug.utils import redirect
from werkzeug.wrappers import Response as BaseResponse

from models.settings import today as service_today
from web.redirects import is_local_path


def region() -> str:
    """Return the region this installation serves."""
    value: str = current_app.config["SETTINGS"].region
    return value


def today() -> date:
    """Return the service's today (models.settings.today: ZOW_TODAY or Amsterdam's date)."""
    return service_today(current_app.config["SETTINGS"])


def back(endpoint: str, **values: Any) -> BaseResponse:
    """Redirect to the local page the form came from, or to an endpoint."""
    target = request.form.get("next", "")
    if not is_local_path(target):
        target = url_for(endpoint, **values)
    return redirect(target)

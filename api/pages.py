"""The web pages: the candidate page at ``/`` and the recruiter page at ``/screen``.

Plain HTML from ``api/templates`` with same-origin scripts and styles from ``api/static`` (the CSP
allows nothing inline and nothing from elsewhere). The pages call the public ``/v1`` API from the
browser; they keep nothing on the server. Not part of the OpenAPI document: they are not API.
"""

from __future__ import annotations

from flask import Blueprint, Response, render_template

from jobfit import __version__

blueprint = Blueprint("pages", __name__)


def _page(template: str) -> Response:
    response = Response(render_template(template, version=__version__), mimetype="text/html")
    response.headers["Cache-Control"] = "no-cache"
    return response


@blueprint.get("/")
def candidate_page() -> Response:
    return _page("candidate.html")


@blueprint.get("/screen")
def recruiter_page() -> Response:
    return _page("screen.html")

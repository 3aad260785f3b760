"""``GET /v1/taxonomy/lookup?q=`` → the taxonomy entry a term names, or 404."""

from __future__ import annotations

from flask import Blueprint, Response, request

from api.openapi import Body, Operation, Param
from api.runtime import runtime
from jobfit.errors import InvalidRequest, NotFound
from skills_taxonomy.records import LookupResult

blueprint = Blueprint("taxonomy", __name__, url_prefix="/v1/taxonomy")

MAX_TERM = 200


@blueprint.get("/lookup")
def lookup() -> Response:
    term = request.args.get("q", "").strip()
    if not term:
        raise InvalidRequest("q: give a term to look up, e.g. ?q=SFDC")
    if len(term) > MAX_TERM:
        raise InvalidRequest(f"q: at most {MAX_TERM} characters")
    found = runtime().models.taxonomy.lookup(term)
    if found is None:
        raise NotFound("no taxonomy entry for that term")
    return Response(found.model_dump_json(), status=200, mimetype="application/json")


OPERATIONS = [
    Operation(
        "/v1/taxonomy/lookup",
        "get",
        "Look up a skill, tool, credential or title",
        "taxonomy",
        params=[
            Param(
                "q",
                "the term, e.g. SFDC",
                {"type": "string", "minLength": 1, "maxLength": MAX_TERM},
                required=True,
            ),
        ],
        responses={200: [Body("application/json", LookupResult)]},
        errors=[400, 404],
        secured=True,
    ),
]

"""``/openapi.json`` (built once per app from the registered operations) and ``/docs``, the same
document rendered as plain HTML with a same-origin stylesheet: no scripts, no CDN."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from flask import Blueprint, Response, current_app

from api.openapi import Body, Operation

blueprint = Blueprint("docs", __name__)

SPEC_KEY = "jobfit.openapi"

CSS = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 980px; margin: 2rem auto; padding: 0 1rem;
  color: #1b1f24; }
h1 { margin-bottom: 0 }
h2 { border-bottom: 1px solid #ccd; padding-bottom: .2rem; margin-top: 2rem }
.op { border: 1px solid #ccd; border-radius: 6px; padding: .6rem 1rem; margin: 1rem 0 }
.method { font-weight: 700; text-transform: uppercase; margin-right: .5rem; color: #0b5394 }
code, pre { font: 13px/1.4 ui-monospace, monospace; background: #f3f4f6; border-radius: 4px }
pre { padding: .6rem; overflow-x: auto } table { border-collapse: collapse; width: 100% }
td, th { text-align: left; border-bottom: 1px solid #e3e5e8; padding: .25rem .5rem;
  vertical-align: top }
"""


def spec() -> dict[str, Any]:
    found: dict[str, Any] = current_app.extensions[SPEC_KEY]
    return found


@blueprint.get("/openapi.json")
def openapi_json() -> Response:
    return Response(json.dumps(spec(), indent=1), status=200, mimetype="application/json")


@blueprint.get("/docs")
def docs_page() -> Response:
    return Response(render(spec()), status=200, mimetype="text/html")


@blueprint.get("/docs/docs.css")
def docs_css() -> Response:
    return Response(CSS, status=200, mimetype="text/css")


def render(document: dict[str, Any]) -> str:
    info = document["info"]
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{escape(info['title'])} API</title>",
        "<link rel='stylesheet' href='/docs/docs.css'></head><body>",
        f"<h1>{escape(info['title'])} API <small>{escape(info['version'])}</small></h1>",
        f"<p>{escape(info.get('description', ''))}</p>",
        "<p>Machine-readable: <a href='/openapi.json'>/openapi.json</a> (OpenAPI 3.1). "
        'Errors always look like <code>{"error": {"code": ..., "message": ...}}</code>. '
        "When the service has API keys, send <code>Authorization: Bearer KEY</code> or "
        "<code>X-API-Key: KEY</code> with every <code>/v1</code> call.</p>",
        "<h2>Operations</h2>",
    ]
    for path, methods in document["paths"].items():
        for method, op in methods.items():
            parts.append(_operation_html(path, method, op))
    parts.append("<h2>Schemas</h2>")
    for name, schema in document["components"]["schemas"].items():
        parts.append(_schema_html(name, schema))
    parts.append("</body></html>")
    return "\n".join(parts)


def _operation_html(path: str, method: str, op: dict[str, Any]) -> str:
    rows = [
        f"<div class='op' id='{escape(op['operationId'])}'>",
        f"<h3><span class='method'>{escape(method)}</span><code>{escape(path)}</code></h3>",
        f"<p>{escape(op.get('summary', ''))}</p>",
    ]
    if op.get("description"):
        rows.append(f"<p>{escape(op['description'])}</p>")
    if op.get("parameters"):
        rows.append("<table><tr><th>parameter</th><th>in</th><th>description</th></tr>")
        for param in op["parameters"]:
            rows.append(
                f"<tr><td><code>{escape(param['name'])}</code></td><td>{escape(param['in'])}</td>"
                f"<td>{escape(param.get('description', ''))}</td></tr>"
            )
        rows.append("</table>")
    if "requestBody" in op:
        rows.append("<p>Request body:</p><ul>")
        for media, content in op["requestBody"]["content"].items():
            rows.append(f"<li><code>{escape(media)}</code>: {_schema_link(content['schema'])}</li>")
        rows.append("</ul>")
    rows.append("<table><tr><th>status</th><th>body</th><th></th></tr>")
    for status, response in op["responses"].items():
        bodies = ", ".join(
            f"<code>{escape(media)}</code> {_schema_link(content.get('schema', {}))}"
            for media, content in response.get("content", {}).items()
        )
        rows.append(
            f"<tr><td>{escape(status)}</td><td>{bodies}</td>"
            f"<td>{escape(response.get('description', ''))}</td></tr>"
        )
    rows.append("</table></div>")
    return "\n".join(rows)


def _schema_link(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"<a href='#schema-{escape(name)}'>{escape(name)}</a>"
    if "anyOf" in schema:
        return " | ".join(_schema_link(option) for option in schema["anyOf"])
    return f"<code>{escape(str(schema.get('type', 'any')))}</code>"


def _schema_html(name: str, schema: dict[str, Any]) -> str:
    rows = [f"<h3 id='schema-{escape(name)}'>{escape(name)}</h3>"]
    if schema.get("description"):
        rows.append(f"<p>{escape(schema['description'])}</p>")
    properties: dict[str, Any] = schema.get("properties", {})
    if properties:
        required = set(schema.get("required", []))
        rows.append("<table><tr><th>field</th><th>type</th><th>description</th></tr>")
        for field, spec_ in properties.items():
            mark = " (required)" if field in required else ""
            rows.append(
                f"<tr><td><code>{escape(field)}</code>{mark}</td><td>{_type_html(spec_)}</td>"
                f"<td>{escape(spec_.get('description', ''))}</td></tr>"
            )
        rows.append("</table>")
    elif "enum" in schema:
        rows.append(
            "<p>One of "
            + ", ".join(f"<code>{escape(str(v))}</code>" for v in schema["enum"])
            + "</p>"
        )
    return "\n".join(rows)


def _type_html(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return _schema_link(schema)
    if "anyOf" in schema:
        return " | ".join(_type_html(option) for option in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(f"<code>{escape(json.dumps(v))}</code>" for v in schema["enum"])
    if "const" in schema:
        return f"<code>{escape(json.dumps(schema['const']))}</code>"
    kind = schema.get("type", "any")
    if kind == "array":
        return f"array of {_type_html(schema.get('items', {}))}"
    if kind == "object" and "additionalProperties" in schema:
        extra = schema["additionalProperties"]
        return f"map to {_type_html(extra) if isinstance(extra, dict) else 'any'}"
    return f"<code>{escape(str(kind))}</code>"


OPERATIONS = [
    Operation(
        "/openapi.json",
        "get",
        "This API's OpenAPI 3.1 document",
        "docs",
        responses={200: [Body("application/json", schema={"type": "object"})]},
    ),
    Operation(
        "/docs",
        "get",
        "This API's documentation as HTML",
        "docs",
        responses={200: [Body("text/html", schema={"type": "string"})]},
    ),
]

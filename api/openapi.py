"""The OpenAPI document's last touches, as an apispec plugin (api/extensions.py).

flask-smorest documents one request body per operation: where a view takes form fields and
files (a check-in, a manual entry with its evidence), the files become the multipart body and
the form fields stay behind as Swagger-2 `in: formData` parameters, which OpenAPI 3 does not
have. This plugin moves them into the multipart body, so the document says what a client
must send; it adds the Idempotency-Key header where an operation takes one; and it gives a
response without one the description OpenAPI requires (file downloads declared by content
type only)."""
from __future__ import annotations

from apispec import BasePlugin

MULTIPART = "multipart/form-data"
IDEMPOTENCY_HEADER = {
    "in": "header", "name": "Idempotency-Key", "required": True,
    "schema": {"type": "string", "minLength": 1, "maxLength": 128},
    "description": "Kunci unik per presensi dari perangkat; kiriman ulang dengan kunci yang "
                   "sama mendapat jawaban yang sama, tidak tercatat dua kali"}


def form_fields_schema(parameters: list[dict]) -> dict:
    """The form-data parameters as one object schema (pure)."""
    schema: dict = {"type": "object", "properties": {}}
    required = []
    for parameter in parameters:
        field = dict(parameter.get("schema", {}))
        if parameter.get("description"):
            field.setdefault("description", parameter["description"])
        schema["properties"][parameter["name"]] = field
        if parameter.get("required"):
            required.append(parameter["name"])
    if required:
        schema["required"] = required
    return schema


def merged(files: dict, fields: dict) -> dict:
    """One object schema of the files' and the form fields' properties (pure); an allOf would
    not do: each part forbids the other's properties (unknown fields are refused)."""
    out = {**files, "type": "object",
           "properties": {**files.get("properties", {}), **fields["properties"]}}
    required = [*files.get("required", []), *fields.get("required", [])]
    if required:
        out["required"] = required
    return out


def move_form_fields(operation: dict, resolve=lambda schema: schema) -> None:
    """Form-data parameters → the operation's multipart request body (with its files);
    `resolve` turns a {"$ref": …} into the schema it names."""
    parameters = operation.get("parameters", [])
    form = [p for p in parameters if isinstance(p, dict) and p.get("in") == "formData"]
    if not form:
        return
    kept = [p for p in parameters if p not in form]
    if kept:
        operation["parameters"] = kept
    else:
        operation.pop("parameters", None)
    fields = form_fields_schema(form)
    body = operation.setdefault("requestBody", {"required": True, "content": {}})
    content = body.setdefault("content", {})
    files = content.pop(MULTIPART, {}).get("schema")
    content[MULTIPART] = {"schema": merged(resolve(files), fields) if files else fields}
    for other in [c for c in content if c != MULTIPART]:  # one body: the multipart one
        content.pop(other)


def add_idempotency_header(operation: dict) -> None:
    """The header of an operation marked `x-idempotency-key` (api/blueprints/capture.py)."""
    if operation.pop("x-idempotency-key", False):
        operation.setdefault("parameters", []).append(dict(IDEMPOTENCY_HEADER))


def describe_responses(operation: dict) -> None:
    for status, response in operation.get("responses", {}).items():
        if isinstance(response, dict) and "$ref" not in response:
            response.setdefault("description", "Berhasil" if str(status).startswith("2")
                                else "Galat")


class FinishingPlugin(BasePlugin):
    """Runs after the marshmallow plugin has turned schemas into parameters."""

    def init_spec(self, spec) -> None:
        self.spec = spec

    def _resolve(self, schema: dict) -> dict:
        if "$ref" not in schema:
            return schema
        name = schema["$ref"].rsplit("/", 1)[-1]
        return dict(self.spec.components.schemas[name])

    def operation_helper(self, path=None, operations=None, **kwargs) -> None:
        for operation in (operations or {}).values():
            if isinstance(operation, dict):
                move_form_fields(operation, self._resolve)
                add_idempotency_header(operation)
                describe_responses(operation)

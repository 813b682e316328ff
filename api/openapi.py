"""The OpenAPI document's last touches, as an apispec plugin (api/extensions.py).

flask-smorest documents one request body per operation: where a view takes form fields and
files (a check-in, a manual entry with its evidence), the files become the multipart body and
the form fields stay behind as Swagger-2 `in: formData` parameters, which OpenAPI 3 does not
have. This plugin moves them into the multipart body, so the document says what a client
must send; it adds the Idempotency-Key header where an operation takes one; it gives a
response without one the description OpenAPI requires (file downloads declared by content
type only); and `add_links` links each create to what can be done with what it made (OpenAPI
links: the new object's id fills the next operation's path), for clients and for stateful
fuzzing."""
from __future__ import annotations

import re

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


def _pointer(path: str) -> str:
    return path.replace("~", "~0").replace("/", "~1")


def _returns_id(response: dict, schemas: dict) -> bool:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    if "$ref" in schema:
        schema = schemas.get(schema["$ref"].rsplit("/", 1)[-1], {})
    return "id" in schema.get("properties", {})


def links_of(paths: dict, schemas: dict) -> dict[str, dict]:
    """{collection path: links} for every `POST collection` answering 201 with an `id`: one
    link to each operation on `collection/{param}…`, with the id as that parameter (pure)."""
    found: dict[str, dict] = {}
    for collection, operations in paths.items():
        created = operations.get("post", {}).get("responses", {}).get("201")
        if not created or not _returns_id(created, schemas):
            continue
        inherited = {name: f"$request.path.{name}" for name in re.findall(r"{(\w+)}",
                                                                           collection)}
        for path, targets in paths.items():
            rest = path[len(collection) + 1:]
            if not path.startswith(collection + "/{") or rest.count("{") != 1:
                continue
            name = rest[1:rest.index("}")]
            for method in targets:
                if method in ("get", "post", "put", "patch", "delete"):
                    label = f"{method}_{rest.replace('{' + name + '}', 'id').replace('/', '_')}"
                    found.setdefault(collection, {})[label] = {
                        "operationRef": f"#/paths/{_pointer(path)}/{method}",
                        "parameters": {**inherited, name: "$response.body#/id"}}
    return found


def add_links(spec) -> None:
    """Put `links_of` into the document's 201 answers (after every blueprint is registered)."""
    document = spec.to_dict()
    schemas = document.get("components", {}).get("schemas", {})
    for collection, links in links_of(document["paths"], schemas).items():
        document["paths"][collection]["post"]["responses"]["201"]["links"] = links


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

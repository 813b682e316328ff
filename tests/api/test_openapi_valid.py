"""The served OpenAPI document is valid OpenAPI 3 and says what each multipart request takes:
form fields and files in one body (issue 16)."""
from __future__ import annotations

from openapi_spec_validator import validate

from api.openapi import form_fields_schema, move_form_fields


def multipart(spec: dict, path: str, method: str = "post") -> dict:
    schema = spec["paths"][path][method]["requestBody"]["content"]["multipart/form-data"][
        "schema"]
    parts = schema.get("allOf", [schema])
    properties, required = {}, set()
    for part in parts:
        if "$ref" in part:
            part = spec["components"]["schemas"][part["$ref"].rsplit("/", 1)[-1]]
        properties.update(part.get("properties", {}))
        required |= set(part.get("required", []))
    return {"properties": properties, "required": required}


def test_the_document_validates(client):
    validate(client.get("/api/v1/openapi.json").json)  # raises with the first error


def test_form_fields_and_files_are_one_multipart_body(client):
    spec = client.get("/api/v1/openapi.json").json
    for operation in (op for item in spec["paths"].values() for op in item.values()
                      if isinstance(op, dict)):
        assert all(p.get("in") != "formData" for p in operation.get("parameters", []))
    checkin = multipart(spec, "/api/v1/attendance/checkins")
    assert {"selfie", "kind", "lat", "lon", "accuracy_m", "device_id"} <= set(
        checkin["properties"])
    headers = [p["name"] for p in spec["paths"]["/api/v1/attendance/checkins"]["post"][
        "parameters"] if p["in"] == "header"]
    assert headers == ["Idempotency-Key"]
    report = multipart(spec, "/api/v1/campaigns/{campaign_id}/reports")
    assert {"lat", "lon"} <= set(report["properties"])
    manual = multipart(spec, "/api/v1/manual-entries")
    assert {"employee_id", "work_date", "evidence"} <= manual["required"]
    sheet = multipart(spec, "/api/v1/manual-sheets")
    assert {"opd", "date", "sheet", "evidence"} <= sheet["required"]
    assert "dry_run" in sheet["properties"]


def test_moving_form_fields_keeps_the_other_parameters():
    operation = {"parameters": [
        {"in": "path", "name": "id", "required": True, "schema": {"type": "integer"}},
        {"in": "formData", "name": "reason", "required": True, "schema": {"type": "string"},
         "description": "Alasan"}],
        "requestBody": {"content": {"multipart/form-data": {"schema": {"$ref": "#/x"}}}}}
    files = {"type": "object", "additionalProperties": False, "required": ["document"],
             "properties": {"document": {"type": "string", "format": "binary"}}}
    move_form_fields(operation, lambda ref: files)
    assert [p["name"] for p in operation["parameters"]] == ["id"]
    assert operation["requestBody"]["content"]["multipart/form-data"]["schema"] == {
        "type": "object", "additionalProperties": False, "required": ["document", "reason"],
        "properties": {"document": {"type": "string", "format": "binary"},
                       "reason": {"type": "string", "description": "Alasan"}}}
    assert form_fields_schema([]) == {"type": "object", "properties": {}}


def test_a_create_links_to_what_can_be_done_with_what_it_made(client):
    """OpenAPI links, so a client (and the stateful fuzzer) follows a new absence to its
    approval, and a granted role to its revocation under the same employee."""
    spec = client.get("/api/v1/openapi.json").json
    created = spec["paths"]["/api/v1/absences"]["post"]["responses"]["201"]["links"]
    approve = created["post_id_approve"]
    assert approve["parameters"] == {"request_id": "$response.body#/id"}
    target = approve["operationRef"].removeprefix("#/paths/").rsplit("/", 1)
    assert target[0].replace("~1", "/") in spec["paths"] and target[1] == "post"
    granted = spec["paths"]["/api/v1/employees/{employee_id}/roles"]["post"]["responses"][
        "201"]["links"]["delete_id"]
    assert granted["parameters"] == {"employee_id": "$request.path.employee_id",
                                     "grant_id": "$response.body#/id"}
    everything = [link for item in spec["paths"].values() for op in item.values()
                  if isinstance(op, dict) for response in op.get("responses", {}).values()
                  for link in response.get("links", {}).values()]
    assert len(everything) >= 40

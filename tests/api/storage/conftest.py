"""One SeaweedFS server for this folder's tests, and an app whose stored files live in a bucket
of it (a prefix per test keeps the tests apart)."""
from __future__ import annotations

import uuid

import pytest

from .seaweed import ACCESS_KEY, SECRET_KEY, SeaweedS3

BUCKET = "hadir-test"


@pytest.fixture(scope="module")
def seaweed(tmp_path_factory):
    server = SeaweedS3(tmp_path_factory.mktemp("seaweed"))
    server.start()
    server.client().create_bucket(Bucket=BUCKET)
    yield server
    server.stop()


@pytest.fixture
def prefix() -> str:
    return f"run-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def app_config(app_config, seaweed, prefix, monkeypatch) -> dict:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)  # as a deployment passes them to boto3
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    return {**app_config, "STORAGE_URL": f"s3://{BUCKET}/{prefix}",
            "S3_ENDPOINT_URL": seaweed.endpoint}


def keys_in_bucket(seaweed, prefix: str) -> list[str]:
    page = seaweed.client().list_objects_v2(Bucket=BUCKET, Prefix=prefix + "/")
    return sorted(item["Key"][len(prefix) + 1:] for item in page.get("Contents", []))

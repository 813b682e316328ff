"""Where the bytes of stored files live: the local disk by default, an S3-compatible object
store (AWS S3, SeaweedFS, MinIO, Ceph) when STORAGE_URL is s3://bucket[/prefix]. Both answer
the same five calls under keys like "selfie/2026/03/<uuid>.jpg"; the rows that name them stay
in the database (api/models/files.py)."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from flask import current_app


class StorageDown(Exception):
    """The store cannot be written or read right now (a full disk, an unreachable bucket)."""


class LocalDisk:
    def __init__(self, root: Path):
        self.root = root

    def put(self, key: str, data: bytes) -> None:
        target = self.root / key
        temporary = target.with_suffix(".part")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, target)  # a reader never sees half a file
        except OSError as exc:  # a full disk, a read-only or missing mount
            if temporary.parent.is_dir():
                temporary.unlink(missing_ok=True)
            raise StorageDown(type(exc).__name__) from exc

    def get(self, key: str) -> bytes | None:
        path = self.root / key
        return path.read_bytes() if path.is_file() else None

    def delete(self, key: str) -> None:
        (self.root / key).unlink(missing_ok=True)

    def purposes(self) -> list[str]:
        """The top-level folders (one per purpose: selfie, document, ...)."""
        return sorted(p.name for p in self.root.iterdir() if p.is_dir()) if self.root.is_dir() \
            else []

    def listing(self, prefix: str) -> Iterator[tuple[str, float]]:
        """(key, modified at as epoch seconds) of each file directly under `prefix`."""
        folder = self.root / prefix
        if folder.is_dir():
            for path in folder.iterdir():
                if path.is_file():
                    yield f"{prefix}/{path.name}", path.stat().st_mtime


class S3Store:
    """An S3 bucket through boto3; credentials from the environment as boto3 reads them
    (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the instance's role)."""

    def __init__(self, bucket: str, prefix: str, endpoint_url: str | None, region: str):
        import boto3
        from botocore.config import Config

        self.bucket, self.prefix = bucket, prefix
        # short timeouts: a check-in waits on this put, and a dead store must answer 503 fast
        self.client = boto3.client(
            "s3", endpoint_url=endpoint_url, region_name=region,
            config=Config(connect_timeout=2, read_timeout=10, retries={"max_attempts": 2},
                          s3={"addressing_style": "path"}))

    def _key(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def _call(self, method: str, **kwargs):
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return getattr(self.client, method)(Bucket=self.bucket, **kwargs)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise StorageDown(exc.response.get("Error", {}).get("Code", "ClientError")) from exc
        except BotoCoreError as exc:
            raise StorageDown(type(exc).__name__) from exc

    def put(self, key: str, data: bytes) -> None:
        self._call("put_object", Key=self._key(key), Body=data)

    def get(self, key: str) -> bytes | None:
        answer = self._call("get_object", Key=self._key(key))
        return None if answer is None else answer["Body"].read()

    def delete(self, key: str) -> None:
        self._call("delete_object", Key=self._key(key))

    def _pages(self, prefix: str, **kwargs) -> Iterator[dict]:
        token: dict = {}
        while True:
            page = self._call("list_objects_v2", Prefix=self._key(prefix), **kwargs, **token)
            yield page
            if not page.get("IsTruncated"):
                return
            token = {"ContinuationToken": page["NextContinuationToken"]}

    def purposes(self) -> list[str]:
        names = []
        for page in self._pages("", Delimiter="/"):
            for common in page.get("CommonPrefixes", []):
                names.append(common["Prefix"][len(self.prefix):].rstrip("/"))
        return sorted(names)

    def listing(self, prefix: str) -> Iterator[tuple[str, float]]:
        for page in self._pages(prefix + "/", Delimiter="/"):
            for item in page.get("Contents", []):
                yield item["Key"][len(self.prefix):], item["LastModified"].timestamp()

    def check(self) -> str:
        try:
            self._call("head_bucket")
        except StorageDown as exc:
            return f"error: {exc}"
        return "ok"


def s3_store(config) -> S3Store:
    """The bucket STORAGE_URL (s3://bucket[/prefix]) names."""
    parts = urlsplit(config["STORAGE_URL"])  # its form checked by Config.validate
    prefix = parts.path.strip("/")
    return S3Store(parts.netloc, f"{prefix}/" if prefix else "", config["S3_ENDPOINT_URL"] or None,
                   config["S3_REGION"])


def store() -> LocalDisk | S3Store:
    """The app's store, made on first use. The local disk follows UPLOAD_DIR as it is now (the
    storage fault tests move it under a running app)."""
    app = current_app
    if not app.config["STORAGE_URL"]:
        return LocalDisk(Path(app.config["UPLOAD_DIR"]))
    made = app.extensions.get("hadir_storage")
    if made is None:
        made = app.extensions["hadir_storage"] = s3_store(app.config)
    return made

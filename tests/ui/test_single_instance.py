"""One program per user and data folder: the second start hands "show" to the first, and a
socket left behind by a crash does not keep the next start from becoming the first."""

from __future__ import annotations

import gc
import socket
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDir
from PySide6.QtNetwork import QLocalServer

from desktop_app.ui.single_instance import SingleInstance, instance_key


@pytest.fixture
def key() -> str:
    return f"DeadlineReminder-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def instances(qapp):
    made: list[SingleInstance] = []

    def make(name: str) -> SingleInstance:
        instance = SingleInstance(name)
        made.append(instance)
        return instance

    yield make
    for instance in made:
        instance.release()


def test_the_second_start_brings_the_first_forward(qtbot, instances, key: str) -> None:
    first, second = instances(key), instances(key)
    assert first.claim()
    assert not second.claim()
    assert second.server is None
    with qtbot.waitSignal(first.message_received, timeout=3000) as blocker:
        assert second.notify_running()
    assert blocker.args == [b"show"]


def test_each_start_is_heard_and_the_probe_is_not_a_message(qtbot, instances, key: str) -> None:
    first = instances(key)
    assert first.claim()
    received: list[bytes] = []
    first.message_received.connect(received.append)
    for message in (b"show", b"open:42"):
        with qtbot.waitSignal(first.message_received, timeout=3000):
            assert instances(key).notify_running(message)
    assert not instances(key).claim()  # connects and leaves without a word
    with qtbot.waitSignal(first.message_received, timeout=3000):
        assert instances(key).notify_running()
    assert received == [b"show", b"open:42", b"show"]


def test_claim_twice_is_harmless_and_release_frees_the_name(qtbot, instances, key: str) -> None:
    first = instances(key)
    assert first.claim() and first.claim()
    first.release()
    assert not instances(key).notify_running()  # nobody listens any more
    again = instances(key)
    assert again.claim()
    with qtbot.waitSignal(again.message_received, timeout=3000):
        assert instances(key).notify_running()


def test_an_instance_dropped_right_after_a_message_is_safe(qtbot, key: str) -> None:
    """A socket still open when the instance goes must not call back into a dead object."""
    first = SingleInstance(key)
    assert first.claim()
    with qtbot.waitSignal(first.message_received, timeout=3000):
        second = SingleInstance(key)
        assert not second.claim()
        assert second.notify_running()
    first.release()
    del first, second
    gc.collect()
    QCoreApplication.processEvents()


def test_nobody_to_notify(instances, key: str) -> None:
    assert not instances(key).notify_running()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
@pytest.mark.parametrize("leftover", ["dead socket", "plain file"])
def test_a_socket_left_by_a_crash_is_recovered(qtbot, instances, key: str, leftover: str) -> None:
    path = Path(QDir.tempPath()) / key
    if leftover == "dead socket":  # what a crashed instance leaves: bound, nobody listening
        dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        dead.bind(str(path))
        dead.close()
    else:
        path.write_bytes(b"")
    assert path.exists()
    try:
        first = instances(key)
        assert first.claim()
        assert first.server is not None and first.server.isListening()
        with qtbot.waitSignal(first.message_received, timeout=3000) as blocker:
            assert instances(key).notify_running()
        assert blocker.args == [b"show"]
    finally:
        QLocalServer.removeServer(key)


def test_the_key_is_per_user_and_data_folder(tmp_path: Path) -> None:
    here = instance_key(tmp_path / "a", user="张三")
    assert here == instance_key(tmp_path / "a", user="张三")
    assert here != instance_key(tmp_path / "b", user="张三")
    assert here != instance_key(tmp_path / "a", user="李四")
    assert here.isascii() and len(here) <= 40
    assert instance_key(tmp_path) == instance_key(str(tmp_path))  # the current user


def test_a_data_folder_reached_through_a_link_is_the_same_instance(tmp_path: Path) -> None:
    """Two windows on one database through a symlinked folder would overwrite each other."""
    real = tmp_path / "数据"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    assert instance_key(link, user="张三") == instance_key(real, user="张三")
    assert instance_key(tmp_path / "x" / ".." / "数据", user="张三") == instance_key(
        real, user="张三"
    )

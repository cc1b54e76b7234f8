"""The data folder policy: no network shares, no cloud-synced folders, unless explicitly overridden."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.storage import policy
from app.storage.policy import DataFolderRefused, check_data_folder

SAFE_ENV: dict[str, str] = {}
OVERRIDE_ENV = {policy.ENV_ALLOW_UNSAFE: "1"}


def mounts(tmp_path: Path, *entries: tuple[str, str]) -> Path:
    lines = ["/dev/sda1 / ext4 rw,relatime 0 0"]
    lines += [f"server:/export {point.replace(' ', chr(92) + '040')} {fs} rw 0 0" for point, fs in entries]
    path = tmp_path / "mounts"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_local_folder_is_accepted(tmp_path: Path) -> None:
    check_data_folder(tmp_path / "data", environ=SAFE_ENV, platform="linux", mounts_file=mounts(tmp_path))
    check_data_folder(tmp_path, environ=SAFE_ENV)  # the real system: tmp_path is local


@pytest.mark.parametrize("fs_type", ["cifs", "nfs", "nfs4", "smb3", "fuse.sshfs"])
def test_a_folder_on_a_network_mount_is_refused(tmp_path: Path, fs_type: str) -> None:
    share = tmp_path / "share point"
    (share / "ascolto").mkdir(parents=True)
    table = mounts(tmp_path, (str(share), fs_type))
    with pytest.raises(DataFolderRefused) as refused:
        check_data_folder(share / "ascolto" / "data", environ=SAFE_ENV, platform="linux", mounts_file=table)
    assert refused.value.reason == "network_share"
    assert fs_type in refused.value.detail
    assert policy.ENV_ALLOW_UNSAFE in str(refused.value)  # the error names the override
    assert str(share / "ascolto" / "data") in refused.value.text()


def test_the_longest_mount_point_decides(tmp_path: Path) -> None:
    share = tmp_path / "share"
    local = share / "local-disk"
    local.mkdir(parents=True)
    table = mounts(tmp_path, (str(share), "cifs"), (str(local), "ext4"))
    check_data_folder(local / "data", environ=SAFE_ENV, platform="linux", mounts_file=table)
    with pytest.raises(DataFolderRefused):
        check_data_folder(share / "data", environ=SAFE_ENV, platform="linux", mounts_file=table)
    # a sibling whose name merely starts like the mount point is not inside it
    sibling = tmp_path / "share-not"
    sibling.mkdir()
    check_data_folder(sibling, environ=SAFE_ENV, platform="linux", mounts_file=table)


@pytest.mark.parametrize(
    "parts",
    [
        ("OneDrive - Comune di Bergamo", "Ascolto"),
        ("OneDrive", "Documenti", "Ascolto"),
        ("Dropbox (Personale)", "Ascolto"),
        ("Google Drive", "Ascolto"),
        ("Nextcloud", "Ascolto"),
        ("iCloudDrive", "Ascolto"),
    ],
)
def test_synced_folders_are_refused_by_name(tmp_path: Path, parts: tuple[str, ...]) -> None:
    with pytest.raises(DataFolderRefused) as refused:
        check_data_folder(
            tmp_path.joinpath(*parts), environ=SAFE_ENV, platform="linux", mounts_file=mounts(tmp_path)
        )
    assert refused.value.reason == "synced_folder"
    assert refused.value.detail == parts[0]


@pytest.mark.parametrize("marker", [".dropbox", ".sync", "._sync_0a1b2c3d4e5f.db"])
def test_synced_folders_are_refused_by_marker_file(tmp_path: Path, marker: str) -> None:
    synced = tmp_path / "Lavoro"
    (synced / "Ascolto").mkdir(parents=True)
    (synced / marker).write_text("", encoding="utf-8")
    with pytest.raises(DataFolderRefused) as refused:
        check_data_folder(
            synced / "Ascolto", environ=SAFE_ENV, platform="linux", mounts_file=mounts(tmp_path)
        )
    assert refused.value.reason == "synced_folder"


def test_a_desktop_ini_of_the_cloud_client_is_a_marker(tmp_path: Path) -> None:
    synced = tmp_path / "Documenti"
    synced.mkdir()
    ini = "[.ShellClassInfo]\r\nIconResource=C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe,0\r\n"
    (synced / "desktop.ini").write_bytes(b"\xff\xfe" + ini.encode("utf-16-le"))
    with pytest.raises(DataFolderRefused):
        check_data_folder(
            synced / "Ascolto", environ=SAFE_ENV, platform="linux", mounts_file=mounts(tmp_path)
        )
    (synced / "desktop.ini").write_text(
        "[.ShellClassInfo]\r\nIconResource=imageres.dll,-112\r\n", encoding="ascii"
    )
    check_data_folder(synced / "Ascolto", environ=SAFE_ENV, platform="linux", mounts_file=mounts(tmp_path))


@pytest.mark.parametrize(
    "path",
    [r"\\server\cav\Ascolto", r"\\?\UNC\server\cav\Ascolto", r"C:\Users\anna\OneDrive\Ascolto"],
)
def test_windows_unc_and_cloud_paths_are_refused(path: str) -> None:
    with pytest.raises(DataFolderRefused):
        check_data_folder(Path(path), environ=SAFE_ENV, platform="win32")


def test_windows_local_paths_are_accepted() -> None:
    if os.name == "nt":
        pytest.skip("on Windows the drive type of C: is asked for real; covered by the tmp_path test")
    check_data_folder(Path(r"C:\ProgramData\Ascolto"), environ=SAFE_ENV, platform="win32")
    check_data_folder(Path(r"\\?\C:\ProgramData\Ascolto"), environ=SAFE_ENV, platform="win32")


def test_the_override_accepts_an_unsafe_folder(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    table = mounts(tmp_path, (str(share), "cifs"))
    check_data_folder(share / "data", environ=OVERRIDE_ENV, platform="linux", mounts_file=table)
    check_data_folder(
        tmp_path / "Dropbox" / "data", environ=OVERRIDE_ENV, platform="linux", mounts_file=table
    )
    with pytest.raises(DataFolderRefused):
        check_data_folder(
            share / "data", environ={policy.ENV_ALLOW_UNSAFE: "0"}, platform="linux", mounts_file=table
        )


def test_the_override_is_read_from_the_process_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(policy.ENV_ALLOW_UNSAFE, "1")
    check_data_folder(tmp_path / "OneDrive" / "data", platform="linux", mounts_file=mounts(tmp_path))


def test_machine_data_dir_per_platform() -> None:
    assert policy.machine_data_dir("linux") == Path("/var/lib/ascolto")
    windows = policy.machine_data_dir("win32", {"PROGRAMDATA": r"D:\ProgramData"})
    assert str(windows).replace("\\", "/").endswith("D:/ProgramData/Ascolto")
    assert policy.machine_data_dir("darwin") == Path("/Users/Shared/Ascolto")


def test_group_shared_folder_is_recognised(tmp_path: Path) -> None:
    if os.name == "nt":
        pytest.skip("POSIX modes")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o2770)
    assert policy.group_shared(shared)
    shared.chmod(0o700)
    assert not policy.group_shared(shared)


def test_the_policy_does_not_import_qt() -> None:
    import subprocess
    import sys

    probe = "import sys, app.storage.policy; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"

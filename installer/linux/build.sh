#!/usr/bin/env bash
# Build Ascolto for Linux x86_64: the PyInstaller one-folder bundle dist/ascolto/, then
#   dist/ascolto-VERSION-linux-x86_64.tar.gz   (bundle + install.sh + .desktop file + icon)
#   dist/ascolto-VERSION-x86_64.AppImage       (only if appimagetool is on PATH)
# Run from anywhere: installer/linux/build.sh. PYTHON selects the interpreter (default: .venv of the repo),
# which needs the package and PyInstaller: pip install -e ".[build]". ASCOLTO_DIST and ASCOLTO_BUILD move
# the output and work folders (default dist/ and build/ of the repo; the test builds in a temporary folder);
# ASCOLTO_GZIP_LEVEL sets the tarball compression (default 6; 1 is much faster for throw-away builds).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
VERSION="$("$PYTHON" installer/render.py --print-version)"
NAME="ascolto-$VERSION-linux-x86_64"
DIST="${ASCOLTO_DIST:-$ROOT/dist}"
BUILD="${ASCOLTO_BUILD:-$ROOT/build}"
STAGE="$BUILD/$NAME"

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "build.sh: PyInstaller is missing: $PYTHON -m pip install -e '.[build]'" >&2
    exit 1
fi

echo "==> PyInstaller bundle $DIST/ascolto (version $VERSION)"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$BUILD/pyinstaller" installer/ascolto.spec

echo "==> rendering the .desktop file"
"$PYTHON" installer/render.py --out "$BUILD/installer" --bundle "$DIST/ascolto" >/dev/null

echo "==> tarball $DIST/$NAME.tar.gz"
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp -a "$DIST/ascolto" "$STAGE/ascolto"
cp "$BUILD/installer/ascolto.desktop" installer/linux/ascolto.svg "$STAGE/"
install -m 0755 installer/linux/install.sh "$STAGE/install.sh"
tar -C "$BUILD" --owner=0 --group=0 -cf - "$NAME" | gzip "-${ASCOLTO_GZIP_LEVEL:-6}" > "$DIST/$NAME.tar.gz"
rm -rf "$STAGE"

if command -v appimagetool >/dev/null 2>&1; then
    echo "==> AppImage"
    APPDIR="$BUILD/AppDir"
    rm -rf "$APPDIR"
    mkdir -p "$APPDIR/usr"
    cp -a "$DIST/ascolto" "$APPDIR/usr/ascolto"
    sed -e 's|^Exec=.*|Exec=ascolto|' -e '/^TryExec=/d' "$BUILD/installer/ascolto.desktop" > "$APPDIR/ascolto.desktop"
    cp installer/linux/ascolto.svg "$APPDIR/ascolto.svg"
    printf '#!/bin/sh\nexec "$(dirname "$(readlink -f "$0")")/usr/ascolto/ascolto" "$@"\n' > "$APPDIR/AppRun"
    chmod 0755 "$APPDIR/AppRun"
    ARCH=x86_64 appimagetool --no-appstream "$APPDIR" "$DIST/ascolto-$VERSION-x86_64.AppImage"
else
    echo "==> appimagetool not found: no AppImage (the tarball is complete without it)"
fi

echo "$DIST/$NAME.tar.gz"

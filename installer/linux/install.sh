#!/bin/sh
# Install Ascolto from this unpacked tarball (run as root):
#   sudo ./install.sh                 program in /opt/ascolto, menu entry, `ascolto` command
#   sudo ./install.sh --shared-data   also the shared data folder /var/lib/ascolto for group `ascolto`
#   sudo ./install.sh --uninstall     remove the program (never the data folder)
# Then add each person who uses Ascolto on this PC to the group: sudo usermod -aG ascolto NAME
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
PREFIX=/opt/ascolto
DATA=/var/lib/ascolto
GROUP=ascolto

if [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: run as root (sudo $0 $*)" >&2
    exit 1
fi

case "${1:-}" in
--uninstall)
    rm -rf "$PREFIX" /usr/local/bin/ascolto /usr/share/applications/ascolto.desktop \
        /usr/share/icons/hicolor/scalable/apps/ascolto.svg
    sed -i '/^ASCOLTO_HOME=/d' /etc/environment 2>/dev/null || true
    echo "Ascolto removed. The data folder was kept: $DATA (or ~/.local/share/Ascolto of each user)."
    echo "Delete it yourself only when you are sure: it holds the encrypted records and their backups."
    exit 0
    ;;
""|--shared-data) ;;
*)
    echo "usage: $0 [--shared-data | --uninstall]" >&2
    exit 2
    ;;
esac

rm -rf "$PREFIX.new"
cp -a "$HERE/ascolto" "$PREFIX.new"
rm -rf "$PREFIX"
mv "$PREFIX.new" "$PREFIX"
chown -R root:root "$PREFIX"
chmod -R go-w "$PREFIX"
ln -sf "$PREFIX/ascolto" /usr/local/bin/ascolto
install -D -m 0644 "$HERE/ascolto.desktop" /usr/share/applications/ascolto.desktop
install -D -m 0644 "$HERE/ascolto.svg" /usr/share/icons/hicolor/scalable/apps/ascolto.svg
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q /usr/share/icons/hicolor || true

if [ "${1:-}" = "--shared-data" ]; then
    getent group "$GROUP" >/dev/null || groupadd --system "$GROUP"
    mkdir -p "$DATA"
    chown root:"$GROUP" "$DATA"
    chmod 2770 "$DATA"
    # Every session (desktop and terminal) finds the shared folder; ASCOLTO_HOME is what Ascolto reads.
    if grep -q '^ASCOLTO_HOME=' /etc/environment 2>/dev/null; then
        sed -i "s|^ASCOLTO_HOME=.*|ASCOLTO_HOME=$DATA|" /etc/environment
    else
        echo "ASCOLTO_HOME=$DATA" >> /etc/environment
    fi
    echo "Shared data folder: $DATA (group $GROUP, mode 2770)."
    echo "Add each person who uses Ascolto: sudo usermod -aG $GROUP NAME (she logs out and in again)."
fi
echo "Ascolto installed in $PREFIX. Start it from the menu or with: ascolto"

# Debian packages, shared by tools/run.sh and tools/test.sh (sourced, not run).
# The console itself: Qt's runtime libraries, fonts with Chinese glyphs, PortAudio for the headset.
RUN_PACKAGES=(
    python3-venv python3-pip
    libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
    libxcb-randr0 libxcb-xkb1 libxcb-xinerama0
    fonts-noto-cjk fonts-wqy-microhei
    libportaudio2 libasound2-plugins
)
# Everything the tests start for real: the SIP lab, serial pty pairs, PostgreSQL,
# a virtual screen, PDF read-back, a CUPS queue that prints to PDF.
TEST_PACKAGES=(
    kamailio kamailio-presence-modules baresip sip-tester socat
    postgresql xvfb poppler-utils procps iproute2
    cups printer-driver-cups-pdf
)

install_packages() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

make_venv() {
    # $1: pip extras, e.g. "" or "[test]"
    if [ ! -x .venv/bin/python ]; then
        python3 -m venv .venv
    fi
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
    .venv/bin/python -m pip install -q -e ".$1"
    .venv/bin/python tools/build_translations.py
}

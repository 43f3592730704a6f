#!/usr/bin/env bash
# Installs the Debian packages Lightbox needs beyond npm, when it can (root and apt-get);
# otherwise names exactly what to install. Usage: scripts/setup.sh [runtime|test]
#   runtime  what `npm start` needs: redis-server
#   test     also what `npm test` needs: dcmtk, dicom3tools, GDCM tools, Orthanc with DICOMweb,
#            Chromium, tesseract, pydicom and numpy
set -euo pipefail
profile="${1:-test}"

# command -> Debian package
declare -A runtime=([redis-server]=redis-server)
declare -A testing=(
  [storescu]=dcmtk [dciodvfy]=dicom3tools [gdcmanon]=libgdcm-tools [Orthanc]=orthanc
  [chromium]=chromium [tesseract]=tesseract-ocr
)

missing=()
for cmd in "${!runtime[@]}"; do command -v "$cmd" >/dev/null 2>&1 || missing+=("${runtime[$cmd]}"); done
if [ "$profile" = test ]; then
  for cmd in "${!testing[@]}"; do command -v "$cmd" >/dev/null 2>&1 || missing+=("${testing[$cmd]}"); done
  ls /usr/share/orthanc/plugins/libOrthancDicomWeb.so >/dev/null 2>&1 || missing+=(orthanc-dicomweb)
  # Debian's own interpreter: fixtures and the benchmark corpus are made with its pydicom and numpy.
  /usr/bin/python3 -c 'import pydicom' >/dev/null 2>&1 || missing+=(python3-pydicom)
  /usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 || missing+=(python3-numpy)
fi

[ "${#missing[@]}" -eq 0 ] && exit 0
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  # Debian starts services it installs; Lightbox runs its own Orthanc and Redis where needed.
  if [[ " ${missing[*]} " == *" orthanc "* ]] && command -v service >/dev/null 2>&1; then service orthanc stop >/dev/null 2>&1 || true; fi
else
  echo "Lightbox needs these Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

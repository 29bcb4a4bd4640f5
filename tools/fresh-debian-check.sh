#!/usr/bin/env bash
# The newcomer check: does a fresh Debian 12 machine get from `git clone` to a
# green `make run` and `make test` with nothing but the project's own scripts?
#
#   sudo tools/fresh-debian-check.sh [--bootstrap-only] [DIR]
#
# 1. debootstrap --variant=minbase bookworm DIR   (DIR defaults to /tmp/hf-fresh;
#    an existing DIR is reused, so a second run skips this step)
# 2. installs only git, make and ca-certificates inside it, as a new user has
# 3. clones this repository (its committed HEAD) into DIR/root/highfence, from a
#    read-only bind mount of the work tree, with the chroot's own git
# 4. mounts /proc, /sys and /dev, then runs `make run` and `make test` in the chroot
# 5. prints PASS or FAIL for each, unmounts, and exits non-zero on any failure
#
# Needs root (chroot, mount) and network to the Debian mirror. Services are not
# started inside the chroot (policy-rc.d), as on a machine where nothing runs yet.
# Set HF_FRESH_WITH_SHARED=1 to copy ../shared beside the clone, as CI has it,
# and HF_FRESH_TARGETS="run" to run only `make run` (default "run test").
# Behind a TLS-intercepting proxy (a sandbox, a corporate network), the npm
# registry's certificate chain ends in the proxy's CA, which a fresh Debian
# does not trust: HF_FRESH_HOST_CA=1 lets Node in the chroot trust the host's
# CA bundle (NODE_EXTRA_CA_CERTS), as the host's own npm does.
set -euo pipefail

args=("$@")
bootstrap_only=0
if [[ "${1:-}" == "--bootstrap-only" ]]; then bootstrap_only=1; shift; fi
dir=${1:-/tmp/hf-fresh}
mirror=${HF_FRESH_MIRROR:-http://deb.debian.org/debian}
src=$(cd "$(dirname "$0")/.." && pwd)

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'fresh-debian-check: %s\n' "$*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || exec sudo -E "$0" "${args[@]}"
(( bootstrap_only )) || git -C "$src" rev-parse --verify -q HEAD >/dev/null \
  || die "$src has no commit to clone"

if ! command -v debootstrap >/dev/null; then
  log "installing debootstrap on the host"
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap
fi

# --- 1. the base system ------------------------------------------------------------
if [[ -x "$dir/usr/bin/apt-get" && -f "$dir/etc/debian_version" ]]; then
  log "reusing $dir (Debian $(cat "$dir/etc/debian_version"))"
else
  log "debootstrap --variant=minbase bookworm $dir"
  start=$(date +%s)
  debootstrap --variant=minbase bookworm "$dir" "$mirror"
  echo "debootstrap took $(( $(date +%s) - start )) s"
  cat > "$dir/etc/apt/sources.list" <<SRC
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
SRC
fi
cp /etc/resolv.conf "$dir/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' > "$dir/usr/sbin/policy-rc.d"
chmod 755 "$dir/usr/sbin/policy-rc.d"

# --- mounts, undone on every exit ----------------------------------------------------
mounted=()
mnt() {  # mnt SRC TARGET [OPTIONS...]
  mkdir -p "$2"
  mountpoint -q "$2" || { mount "${@:3}" "$1" "$2"; mounted=("$2" "${mounted[@]}"); }
}
cleanup() { for m in "${mounted[@]}"; do umount -l "$m" || true; done; }
trap cleanup EXIT
mnt proc "$dir/proc" -t proc
mnt sysfs "$dir/sys" -t sysfs
mnt /dev "$dir/dev" --bind
mnt devpts "$dir/dev/pts" -t devpts

extra_env=()
if [[ "${HF_FRESH_HOST_CA:-0}" == 1 ]]; then
  cp /etc/ssl/certs/ca-certificates.crt "$dir/root/host-ca.crt"
  extra_env=(NODE_EXTRA_CA_CERTS=/root/host-ca.crt)
fi
in_chroot() {
  chroot "$dir" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb "${extra_env[@]}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -c "$1" </dev/null
}

# --- 2. what a new user has: git, make, ca-certificates ------------------------------
log "installing git make ca-certificates in the chroot"
start=$(date +%s)
in_chroot 'export DEBIAN_FRONTEND=noninteractive
  apt-get update -q && apt-get install -y -q --no-install-recommends git make ca-certificates'
echo "base packages took $(( $(date +%s) - start )) s"
(( bootstrap_only )) && { log "bootstrap only: done"; exit 0; }

# --- 3. the clone ------------------------------------------------------------------
log "cloning $src (HEAD $(git -C "$src" rev-parse --short HEAD)) into the chroot"
mnt "$src" "$dir/mnt/highfence-src" --bind -o ro
rm -rf "$dir/root/highfence" "$dir/root/shared"
in_chroot 'git -c safe.directory="*" clone -q /mnt/highfence-src /root/highfence'
if [[ "${HF_FRESH_WITH_SHARED:-0}" == 1 && -d "$src/../shared" ]]; then
  cp -a "$src/../shared" "$dir/root/shared"
fi

# --- 4. the newcomer's two commands -------------------------------------------------
status=0
for target in ${HF_FRESH_TARGETS:-run test}; do
  log "make $target"
  start=$(date +%s)
  if in_chroot "cd /root/highfence && make $target"; then result=PASS; else result=FAIL; status=1; fi
  echo "make $target: $result ($(( $(date +%s) - start )) s)"
  results+=("make $target: $result")
done

log "fresh Debian 12 check"
printf '  %s\n' "${results[@]}"
exit $status

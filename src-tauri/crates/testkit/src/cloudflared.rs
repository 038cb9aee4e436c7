//! A stand-in `cloudflared` for the tests of the cloudflared provider and of the connection
//! screen: a small shell script, written to a folder, that prints real cloudflared log lines
//! (with a quick-tunnel address) on stderr and records how it was started.
//!
//! Each run `n` prints `run<n>.log` from its folder (or `other.log` when there is none), records
//! its arguments in `args`, its count in `runs` and its pid in `pid.<n>`. A run with a
//! `run<n>.exit` file ends with that code after a moment (printing `run<n>.end` first: a tunnel
//! that drops); the others stay up like cloudflared does, until stopped.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// The quick-tunnel address announced by [`QUICK_TUNNEL_LOG`].
pub const QUICK_TUNNEL_URL: &str =
    "https://processor-identifies-botswana-messaging.trycloudflare.com";

/// A real cloudflared log (2026.8) starting a quick tunnel: the box (cloudflared's `AsciiBox`:
/// text padded to 88 characters, two spaces each side) with [`QUICK_TUNNEL_URL`], then the first
/// registered connection.
pub const QUICK_TUNNEL_LOG: &str = r#"2026-08-05T10:16:27Z INF Thank you for trying Cloudflare Tunnel. Doing so, without a Cloudflare account, is a quick way to experiment and try it out. However, be aware that these account-less Tunnels have no uptime guarantee. If you intend to use Tunnels in production you should use a pre-created named tunnel by following: https://developers.cloudflare.com/cloudflare-one/connections/connect-apps
2026-08-05T10:16:27Z INF Requesting new quick Tunnel on trycloudflare.com...
2026-08-05T10:16:29Z INF +--------------------------------------------------------------------------------------------+
2026-08-05T10:16:29Z INF |  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |
2026-08-05T10:16:29Z INF |  https://processor-identifies-botswana-messaging.trycloudflare.com                         |
2026-08-05T10:16:29Z INF +--------------------------------------------------------------------------------------------+
2026-08-05T10:16:30Z INF Registered tunnel connection connIndex=0 connection=1a3755d6-2b10-43af-a994-53b93d167d15 event=0 ip=198.41.200.63 location=lax01 protocol=quic
"#;

const SCRIPT: &str = r#"#!/bin/sh
here=$(dirname "$0")
printf '%s\n' "$*" > "$here/args"
n=$(( $(cat "$here/runs" 2>/dev/null || echo 0) + 1 ))
echo "$n" > "$here/runs"
echo "$$" > "$here/pid.$n"
log="$here/run$n.log"
[ -f "$log" ] || log="$here/other.log"
cat "$log" >&2
if [ -f "$here/run$n.exit" ]; then
  sleep 1
  [ -f "$here/run$n.end" ] && cat "$here/run$n.end" >&2
  exit "$(cat "$here/run$n.exit")"
fi
exec sleep 600
"#;

/// Writes the stand-in as `<dir>/cloudflared` (executable); returns its path. What each run
/// prints is up to the caller: `run<n>.log`, `other.log`, … in the same folder.
pub fn write_stand_in(dir: &Path) -> PathBuf {
    let exe = dir.join("cloudflared");
    std::fs::write(&exe, SCRIPT).unwrap();
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
    exe
}
